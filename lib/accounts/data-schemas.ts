import { z } from "zod";

/** "Your data": shared by the page, the routes and the domain functions. Browser-safe. */

/**
 * Deleting an account: the password for an account that has one, else the account's email typed
 * again (an account that only signs in with GitHub or Google has no password to ask for).
 */
export const deleteAccountSchema = z.object({
  password: z.string().max(200).optional(),
  confirmEmail: z.string().trim().max(320).optional(),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/** The download's file name: `atelier-data-2026-12-07.zip` (UTC date). */
export function dataExportFileName(now = new Date()): string {
  return `atelier-data-${now.toISOString().slice(0, 10)}.zip`;
}

/** What the "Your data" page needs to explain deletion before the user confirms it. */
export type AccountDataFacts = {
  email: string;
  hasPassword: boolean;
  /** The only administrator left: the account cannot be deleted until another admin exists. */
  isOnlyAdmin: boolean;
  /** Creator earnings not yet paid out, micro-dollars as a string ("0" when none). */
  unpaidEarningsMicros: string;
  /** Prepaid credits left, micro-dollars as a string ("0" when none). */
  creditMicros: string;
  /** The paid plan that deletion cancels, if any. */
  activePlanName: string | null;
  counts: { conversations: number; gpts: number; knowledgeFiles: number };
};
