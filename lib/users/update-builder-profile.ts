import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { isUniqueViolation } from "../db/is-unique-violation";
import { parseInput } from "../gpts/parse-input";
import { invalidateStoreListings } from "../store/listing-cache";
import { refreshSearchDocuments } from "../store/search-document";
import { type BuilderProfileInput, builderProfileSchema } from "./builder-profile-schema";
import { initialHandle } from "./handle";

/** Creates or renames the actor's own builder profile (the creator name on public GPTs). */
export async function updateBuilderProfile({
  actor,
  input,
}: {
  actor: Actor;
  input: BuilderProfileInput;
}): Promise<{ profile: { displayName: string } }> {
  const { displayName } = parseInput(builderProfileSchema, input);
  const save = (handle: string) =>
    prisma.builderProfile.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, displayName, handle },
      update: { displayName },
      select: { displayName: true },
    });
  let profile: { displayName: string };
  try {
    profile = await save(initialHandle(displayName, actor.id));
  } catch (error) {
    // Someone chose this user's suggested handle as their own: start with another suffix (the
    // creator can pick a handle in settings).
    if (!isUniqueViolation(error)) throw error;
    profile = await save(initialHandle(displayName, randomUUID()));
  }
  // The creator's name is part of their GPTs' search documents and of the cached store cards.
  await refreshSearchDocuments({ ownerId: actor.id });
  invalidateStoreListings();
  return { profile };
}
