"use client";

import { useMutation } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { AdminUserRow } from "./schemas";

export function useSetUserBanned() {
  return useMutation({
    mutationFn: ({ userId, banned }: { userId: string; banned: boolean }) =>
      requestJson<{ user: AdminUserRow }>(`/api/admin/users/${encodeURIComponent(userId)}`, {
        method: "PATCH",
        body: { banned },
      }).then((result) => result.user),
  });
}
