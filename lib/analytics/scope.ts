import "server-only";
import { Prisma } from "../generated/prisma/client";

/** Whose figures a dashboard query reads. */
export type Scope = {
  ownerId: string;
  /** Never empty. */
  gptIds: string[];
  /** The rollups hold everything before this instant; null before the job's first run. */
  watermark: Date | null;
};

/** `<alias>."gptId" IN (…)`; the alias is a fixed identifier. */
export function inScope(alias: string, scope: Scope): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(`${alias}."gptId"`)} IN (${Prisma.join(scope.gptIds)})`;
}
