import type { Role } from "../generated/prisma/enums";

/** Admins and moderators: who may work the reports queue and listing reviews. Pure, client-safe. */
export function isModerator(actor: { role: Role } | null | undefined): boolean {
  return actor?.role === "ADMIN" || actor?.role === "MODERATOR";
}
