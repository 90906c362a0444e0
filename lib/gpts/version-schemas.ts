import { z } from "zod";
import { visibilitySchema } from "./schemas";

/** Browser-safe inputs of the version history and sharing endpoints. */

export const restoreGptVersionSchema = z.object({
  /** The revision the editor holds; a stale one is a conflict, as for a draft save. */
  revision: z.number().int().positive(),
});
export type RestoreGptVersionInput = z.infer<typeof restoreGptVersionSchema>;

export const setGptVisibilitySchema = z.object({ visibility: visibilitySchema });
export type SetGptVisibilityInput = z.infer<typeof setGptVisibilitySchema>;

/** A version number from the URL; anything else is simply a version that does not exist. */
export function parseVersionNumber(value: string): number | null {
  if (!/^\d{1,9}$/.test(value)) return null;
  const number = Number(value);
  return number > 0 ? number : null;
}
