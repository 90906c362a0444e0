import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { NearDuplicate, VerifiedLookalike } from "./checks";

/**
 * Trigram similarity (pg_trgm `similarity()`, 0-1) both the name and the description must reach
 * for another listing to count as a near-duplicate. 0.6 catches a copy with a word or two changed
 * ("Travel Planner" / "Travel Planner Pro", a description with a reworded sentence) and leaves
 * listings that merely share a topic alone ("Travel Planner" / "Trip Budget Helper" ≈ 0.1).
 */
export const NEAR_DUPLICATE_NAME_SIMILARITY = 0.6;
export const NEAR_DUPLICATE_DESCRIPTION_SIMILARITY = 0.6;
/**
 * Descriptions shorter than this are not compared: "A helpful assistant" is shared by many honest
 * listings, and trigram scores of a few words swing widely. A copy of a real listing copies its
 * description, which is longer than this.
 */
export const NEAR_DUPLICATE_MIN_DESCRIPTION = 40;
/**
 * Instructions are the GPT itself: a listing whose instructions reach this similarity to another
 * owner's listed GPT is a copy whatever it is called. Long texts on the same topic score about
 * 0.3-0.5; a copy with a few sentences reworded stays above 0.8.
 */
export const COPIED_INSTRUCTIONS_SIMILARITY = 0.75;
/** Shorter instructions ("You are a helpful assistant.") are too generic to compare. */
export const COPIED_INSTRUCTIONS_MIN_LENGTH = 200;
/**
 * How close a name must be to a verified creator's listed GPT to read as impersonation
 * ("Acme Support" / "Acme Support Bot" ≈ 0.7; "Acme Support" / "Travel Planner" ≈ 0).
 */
export const LOOKALIKE_NAME_SIMILARITY = 0.6;

type ListingIdentity = {
  gptId: string;
  ownerId: string;
  remixedFromId: string | null;
};

/**
 * Listed GPTs of other owners whose published name and description are nearly the same as these
 * (the GPT it was remixed from is left out: its owner allowed copies). The candidates come through
 * the trigram index on Gpt.searchText (name, category, creator) with `%>` at pg_trgm's default
 * word-similarity threshold (0.6): the same name always passes it; the exact scores are then
 * computed on the few candidates.
 */
export async function findNearDuplicates(
  tx: Prisma.TransactionClient,
  {
    gptId,
    ownerId,
    remixedFromId,
    name,
    description,
  }: {
    gptId: string;
    ownerId: string;
    remixedFromId: string | null;
    name: string;
    description: string;
  },
): Promise<NearDuplicate[]> {
  const lowerName = name.trim().toLowerCase();
  if (!lowerName || description.trim().length < NEAR_DUPLICATE_MIN_DESCRIPTION) return [];
  return tx.$queryRaw<NearDuplicate[]>`
    SELECT v."name", coalesce(p."displayName", u."name", 'another creator') AS "creatorName"
    FROM "Gpt" g
    JOIN "GptVersion" v ON v."id" = g."publishedVersionId"
    JOIN "User" u ON u."id" = g."ownerId"
    LEFT JOIN "BuilderProfile" p ON p."userId" = g."ownerId"
    WHERE g."searchText" %> ${lowerName}
      AND g."visibility" = 'PUBLIC' AND g."status" = 'ACTIVE' AND g."deletedAt" IS NULL
      AND u."bannedAt" IS NULL
      AND g."id" <> ${gptId} AND g."ownerId" <> ${ownerId}
      AND g."id" IS DISTINCT FROM ${remixedFromId}
      AND length(v."description") >= ${NEAR_DUPLICATE_MIN_DESCRIPTION}
      AND similarity(lower(v."name"), ${lowerName}) >= ${NEAR_DUPLICATE_NAME_SIMILARITY}
      AND similarity(lower(v."description"), ${description.trim().toLowerCase()}) >= ${NEAR_DUPLICATE_DESCRIPTION_SIMILARITY}
    ORDER BY similarity(lower(v."name"), ${lowerName}) DESC, g."publishedAt" ASC
    LIMIT 3`;
}

/**
 * Listed GPTs of other owners whose published instructions are nearly the same as these, however
 * they are named. `%` (pg_trgm's default 0.3 threshold) finds candidates through the trigram index
 * on GptVersion.instructions; the exact similarity is then required on those few.
 */
export async function findCopiedInstructions(
  tx: Prisma.TransactionClient,
  { gptId, ownerId, remixedFromId, instructions }: ListingIdentity & { instructions: string },
): Promise<NearDuplicate[]> {
  const text = instructions.trim();
  if (text.length < COPIED_INSTRUCTIONS_MIN_LENGTH) return [];
  const rows = await tx.$queryRaw<{ name: string; creatorName: string }[]>`
    SELECT v."name", coalesce(p."displayName", u."name", 'another creator') AS "creatorName"
    FROM "GptVersion" v
    JOIN "Gpt" g ON g."publishedVersionId" = v."id"
    JOIN "User" u ON u."id" = g."ownerId"
    LEFT JOIN "BuilderProfile" p ON p."userId" = g."ownerId"
    WHERE v."instructions" % ${text}
      AND length(v."instructions") >= ${COPIED_INSTRUCTIONS_MIN_LENGTH}
      AND g."visibility" = 'PUBLIC' AND g."status" = 'ACTIVE' AND g."deletedAt" IS NULL
      AND u."bannedAt" IS NULL
      AND g."id" <> ${gptId} AND g."ownerId" <> ${ownerId}
      AND g."id" IS DISTINCT FROM ${remixedFromId}
      AND similarity(v."instructions", ${text}) >= ${COPIED_INSTRUCTIONS_SIMILARITY}
    ORDER BY similarity(v."instructions", ${text}) DESC
    LIMIT 3`;
  return rows.map((row) => ({ ...row, match: "instructions" as const }));
}

/**
 * Listed GPTs of creators who verified a domain, owned by someone else, whose name is close to
 * this one: a new "Acme Support Bot" next to Acme's verified "Acme Support" reads as Acme's own.
 * The GPT it was remixed from is left out (its owner allowed copies).
 */
export async function findVerifiedLookalikes(
  tx: Prisma.TransactionClient,
  { gptId, ownerId, remixedFromId, name }: ListingIdentity & { name: string },
): Promise<VerifiedLookalike[]> {
  const lowerName = name.trim().toLowerCase();
  if (!lowerName) return [];
  return tx.$queryRaw<VerifiedLookalike[]>`
    SELECT v."name", coalesce(p."displayName", u."name", 'a verified creator') AS "creatorName",
           p."verifiedDomain"
    FROM "Gpt" g
    JOIN "GptVersion" v ON v."id" = g."publishedVersionId"
    JOIN "User" u ON u."id" = g."ownerId"
    JOIN "BuilderProfile" p ON p."userId" = g."ownerId"
    WHERE g."searchText" %> ${lowerName}
      AND p."verifiedDomain" IS NOT NULL
      AND g."visibility" = 'PUBLIC' AND g."status" = 'ACTIVE' AND g."deletedAt" IS NULL
      AND u."bannedAt" IS NULL
      AND g."id" <> ${gptId} AND g."ownerId" <> ${ownerId}
      AND g."id" IS DISTINCT FROM ${remixedFromId}
      AND similarity(lower(v."name"), ${lowerName}) >= ${LOOKALIKE_NAME_SIMILARITY}
    ORDER BY similarity(lower(v."name"), ${lowerName}) DESC
    LIMIT 3`;
}
