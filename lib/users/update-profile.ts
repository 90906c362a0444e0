import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { isUniqueViolation } from "../db/is-unique-violation";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { invalidateStoreListings } from "../store/listing-cache";
import { refreshSearchDocuments } from "../store/search-document";
import { myProfileSelect, toMyProfile } from "./profile-queries";
import { type MyProfile, type ProfileSettingsInput, profileSettingsSchema } from "./profile-schema";

export const HANDLE_TAKEN_MESSAGE = "That handle is taken. Choose another one.";

function handleTaken(): AppError {
  return new AppError("conflict", HANDLE_TAKEN_MESSAGE, { handle: ["That handle is taken."] });
}

/**
 * Saves the actor's own profile (handle, display name, bio, website), creating it on first save.
 * A handle another profile holds is a 409 with a field error; the unique index decides, so two
 * people racing for one handle cannot both get it.
 */
export async function updateProfile({
  actor,
  input,
}: {
  actor: Actor;
  input: ProfileSettingsInput;
}): Promise<MyProfile> {
  const fields = parseInput(profileSettingsSchema, input);
  const holder = await prisma.builderProfile.findUnique({
    where: { handle: fields.handle },
    select: { userId: true },
  });
  if (holder && holder.userId !== actor.id) throw handleTaken();

  const before = await prisma.builderProfile.findUnique({
    where: { userId: actor.id },
    select: { displayName: true, handle: true },
  });
  let row: Parameters<typeof toMyProfile>[0];
  try {
    row = await prisma.builderProfile.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, ...fields },
      update: fields,
      select: myProfileSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw handleTaken();
    throw error;
  }
  // The creator's name is part of their GPTs' search documents.
  if (before?.displayName !== row.displayName) {
    await refreshSearchDocuments({ ownerId: actor.id });
  }
  // Store cards show the name and link the handle: a cached card would point at the old URL.
  if (before?.displayName !== row.displayName || before?.handle !== row.handle) {
    invalidateStoreListings();
  }
  return toMyProfile(row);
}
