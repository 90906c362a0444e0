import { z } from "zod";
import { BUILDER_DISPLAY_NAME_MAX } from "./builder-profile-schema";
import { handleProblem } from "./handle-rules";

export const BIO_MAX = 300;
export const WEBSITE_MAX = 200;

/**
 * A website as typed ("example.com/me", "https://Example.com") → a normalised absolute URL
 * (scheme and host lower-cased, no credentials, no fragment), or a message saying what is wrong.
 */
export function normalizeWebsite(raw: string): { url: string } | { error: string } {
  const typed = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { error: "Enter a web address such as https://example.com." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { error: "Use an http:// or https:// address." };
  }
  if (url.username || url.password) return { error: "Leave the user name and password out." };
  if (!url.hostname.includes(".") || url.hostname.endsWith(".")) {
    return { error: "Enter a full domain name, such as example.com." };
  }
  url.hash = "";
  const normalized = url.toString();
  // A bare origin keeps no trailing slash: "https://example.com", as people write it.
  const text = url.pathname === "/" && !url.search ? normalized.replace(/\/$/, "") : normalized;
  if (text.length > WEBSITE_MAX) return { error: `Use at most ${WEBSITE_MAX} characters.` };
  return { url: text };
}

const handleField = z
  .string("Choose a handle.")
  .trim()
  .toLowerCase()
  .superRefine((value, context) => {
    const problem = handleProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

const websiteField = z
  .string()
  .transform((value, context) => {
    if (!value.trim()) return null;
    const result = normalizeWebsite(value);
    if ("error" in result) {
      context.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.url;
  })
  .nullable();

/** The profile settings form; shared by the form (as-you-type hints) and PATCH /api/me/profile. */
export const profileSettingsSchema = z.object({
  handle: handleField,
  displayName: z
    .string("Enter the name shown on your GPTs.")
    .trim()
    .min(1, "Enter the name shown on your profile and GPTs.")
    .max(BUILDER_DISPLAY_NAME_MAX, `Use at most ${BUILDER_DISPLAY_NAME_MAX} characters.`),
  bio: z
    .string()
    .trim()
    .max(BIO_MAX, `Keep the bio to ${BIO_MAX} characters.`)
    .transform((value) => value || null)
    .nullable()
    .default(null),
  website: websiteField.default(null),
});
export type ProfileSettingsInput = z.input<typeof profileSettingsSchema>;
export type ProfileSettings = z.output<typeof profileSettingsSchema>;

/** The signed-in user's own profile as the settings page shows it. */
export type MyProfile = {
  /** False until the first save: the values are then suggestions (account name, initial handle). */
  isSaved: boolean;
  handle: string;
  displayName: string;
  bio: string | null;
  website: string | null;
  avatarUrl: string | null;
  domain: DomainState;
};

export type DomainState = {
  verifiedDomain: string | null;
  /** ISO date. */
  verifiedAt: string | null;
  pendingDomain: string | null;
  token: string | null;
};
