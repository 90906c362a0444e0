import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { parseInput } from "../gpts/parse-input";
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
  const profile = await prisma.builderProfile.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, displayName, handle: initialHandle(displayName, actor.id) },
    update: { displayName },
    select: { displayName: true },
  });
  // The creator's name is part of their GPTs' search documents.
  await refreshSearchDocuments({ ownerId: actor.id });
  return { profile };
}
