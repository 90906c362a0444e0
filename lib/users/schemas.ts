import { z } from "zod";

export const setUserBannedInputSchema = z.object({
  banned: z.boolean({ error: "Send banned: true or false." }),
});
export type SetUserBannedInput = z.infer<typeof setUserBannedInputSchema>;

/** The admin search box: trimmed, bounded, empty means "everyone". */
export const adminUserSearchSchema = z
  .string()
  .trim()
  .max(100)
  .catch("")
  .transform((value) => value || undefined);

/** A row of the admin Users table; dates are ISO strings so it crosses to the browser as is. */
export type AdminUserRow = {
  id: string;
  email: string;
  name: string | null;
  role: "USER" | "MODERATOR" | "ADMIN";
  createdAt: string;
  bannedAt: string | null;
  gptCount: number;
};
