import { z } from "zod";

export const BUILDER_DISPLAY_NAME_MAX = 50;

/** The creator name shown next to public GPTs in the store. Browser-safe: the form uses it too. */
export const builderProfileSchema = z.object({
  displayName: z
    .string("Enter the name shown on your GPTs.")
    .trim()
    .min(1, "Enter the name shown on your GPTs.")
    .max(BUILDER_DISPLAY_NAME_MAX, `Use at most ${BUILDER_DISPLAY_NAME_MAX} characters.`),
});
export type BuilderProfileInput = z.input<typeof builderProfileSchema>;

export type BuilderProfilePayload = {
  profile: { displayName: string } | null;
  /** What the display-name field starts with when there is no profile yet (the account name). */
  suggestedDisplayName: string;
};
