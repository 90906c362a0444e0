import { randomBytes } from "node:crypto";

/** URL slug: readable words from the name plus a short random suffix, so names can repeat. */
export function makeGptSlug(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  const suffix = randomBytes(4).toString("hex").slice(0, 6);
  return words ? `${words}-${suffix}` : `gpt-${suffix}`;
}
