import { appUrl } from "../env";

/** The pages the emailed links open (app/(auth)/…). */
export const accountLinks = {
  verifyEmail: (token: string) => `${appUrl}/verify-email?token=${encodeURIComponent(token)}`,
  resetPassword: (token: string) => `${appUrl}/reset-password?token=${encodeURIComponent(token)}`,
  forgotPassword: () => `${appUrl}/forgot-password`,
  confirmEmailChange: (token: string) =>
    `${appUrl}/confirm-email?token=${encodeURIComponent(token)}`,
};
