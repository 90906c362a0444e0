import { z } from "zod";
import { emailSchema, passwordSchema } from "../auth/schemas";

/** Account forms: shared by the pages, the routes and the domain functions. Browser-safe. */

export const passwordResetRequestSchema = z.object({ email: emailSchema });

const tokenSchema = z.string().trim().min(20, "This link is incomplete.").max(200);

export const passwordResetSchema = z.object({
  token: tokenSchema,
  password: passwordSchema,
});

export const changePasswordSchema = z.object({
  /** Absent for accounts that have only ever signed in with GitHub or Google. */
  currentPassword: z.string().max(200).optional(),
  newPassword: passwordSchema,
});

export const changeEmailSchema = z.object({
  newEmail: emailSchema,
  currentPassword: z.string().max(200).optional(),
});

export const emailTokenSchema = z.object({ token: tokenSchema });
