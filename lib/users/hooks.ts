"use client";

import { useMutation } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { AdminUserRow, UserRole } from "./schemas";

const userUrl = (userId: string) => `/api/admin/users/${encodeURIComponent(userId)}`;

type BanChange =
  | { userId: string; banned: true; reason: string }
  | { userId: string; banned: false };

/** Admin → Users: ban (with a reason) or unban. Resolves to the updated row. */
export function useSetUserBanned() {
  return useMutation({
    mutationFn: ({ userId, ...body }: BanChange) =>
      requestJson<{ user: AdminUserRow }>(userUrl(userId), { method: "PATCH", body }).then(
        (result) => result.user,
      ),
  });
}

/** Admin → Users: make someone a user, moderator or admin. Resolves to the updated row. */
export function useSetUserRole() {
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: UserRole }) =>
      requestJson<{ user: AdminUserRow }>(userUrl(userId), {
        method: "PATCH",
        body: { role },
      }).then((result) => result.user),
  });
}

/** Admin → Users: email the user a password reset link. Resolves to the address it went to. */
export function useSendResetLink() {
  return useMutation({
    mutationFn: ({ userId }: { userId: string }) =>
      requestJson<{ email: string }>(`${userUrl(userId)}/reset-link`, { method: "POST" }),
  });
}
