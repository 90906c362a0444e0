import { z } from "zod";

/** Shared by the admin Users routes, the page and the browser: no server code here. */

export const USER_ROLES = ["USER", "MODERATOR", "ADMIN"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const BAN_REASON_MAX_LENGTH = 500;

/**
 * PATCH /api/admin/users/[id]: exactly one change per request, either
 * `{ banned: true, reason }` / `{ banned: false }` or `{ role }`. A ban needs a reason: it is
 * stored on the account and in the audit log.
 */
export const updateUserInputSchema = z
  .object({
    banned: z.boolean({ error: "Send banned: true or false." }).optional(),
    reason: z
      .string({ error: "The reason must be text." })
      .trim()
      .max(BAN_REASON_MAX_LENGTH, `Keep the reason under ${BAN_REASON_MAX_LENGTH} characters.`)
      .optional(),
    role: z.enum(USER_ROLES, { error: "The role must be USER, MODERATOR or ADMIN." }).optional(),
  })
  .superRefine((input, context) => {
    const changes = [input.banned !== undefined, input.role !== undefined].filter(Boolean);
    if (changes.length !== 1) {
      context.addIssue({
        code: "custom",
        path: [],
        message: "Send either banned (with a reason) or role.",
      });
      return;
    }
    if (input.banned === true && !input.reason) {
      context.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Say why this account is banned.",
      });
    }
  });
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

/** The admin search box: trimmed, bounded, empty means "everyone". */
export const adminUserSearchSchema = z
  .string()
  .trim()
  .max(100)
  .catch("")
  .transform((value) => value || undefined);

export const USER_ROLE_FILTERS = ["all", "user", "moderator", "admin"] as const;
export type UserRoleFilter = (typeof USER_ROLE_FILTERS)[number];
export const USER_STATUS_FILTERS = ["all", "active", "banned", "unverified", "deleted"] as const;
export type UserStatusFilter = (typeof USER_STATUS_FILTERS)[number];
export const USER_SORTS = ["newest", "oldest"] as const;
export type UserSort = (typeof USER_SORTS)[number];

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * `?q=&role=&status=&sort=&page=` of the Users page and GET /api/admin/users. Unknown values fall
 * back to the defaults rather than failing: these come from hand-editable URLs.
 */
export const adminUserQuerySchema = z.object({
  q: z.preprocess(firstValue, adminUserSearchSchema),
  role: z.preprocess(
    (value) => (firstValue(value) as string | undefined)?.toLowerCase(),
    z.enum(USER_ROLE_FILTERS).catch("all"),
  ),
  status: z.preprocess(
    (value) => (firstValue(value) as string | undefined)?.toLowerCase(),
    z.enum(USER_STATUS_FILTERS).catch("all"),
  ),
  sort: z.preprocess(
    (value) => (firstValue(value) as string | undefined)?.toLowerCase(),
    z.enum(USER_SORTS).catch("newest"),
  ),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1)),
});
export type AdminUserQuery = z.infer<typeof adminUserQuerySchema>;

export type AdminUserStatus = "active" | "banned" | "deleted";

/** A row of the admin Users table; dates are ISO strings so it crosses to the browser as is. */
export type AdminUserRow = {
  id: string;
  /** Null for a deleted account: its personal data is gone, the row is an anonymous tombstone. */
  email: string | null;
  name: string | null;
  role: UserRole;
  status: AdminUserStatus;
  isEmailVerified: boolean;
  createdAt: string;
  bannedAt: string | null;
  bannedReason: string | null;
  gptCount: number;
  /** Signed-in browsers that are still live (not revoked). */
  sessionCount: number;
};

export type AdminUserPage = {
  users: AdminUserRow[];
  /** Users matching the filters, over every page. */
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  query: AdminUserQuery;
};
