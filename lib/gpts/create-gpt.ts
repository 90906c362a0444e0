import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { parseInput } from "./parse-input";
import { type GptDraftInput, gptDraftSchema } from "./schemas";
import { makeGptSlug } from "./slug";
import { validateDraftAdditions, validateDraftReferences } from "./validate-references";

/** Creates a private draft GPT owned by the actor. */
export async function createGpt({ actor, input }: { actor: Actor; input: GptDraftInput }) {
  const draft = parseInput(gptDraftSchema, input);
  return prisma.$transaction(async (tx) => {
    await validateDraftReferences(tx, draft);
    await validateDraftAdditions({ ownerId: actor.id, draft, current: null });
    return tx.gpt.create({
      data: { ...draft, ownerId: actor.id, slug: makeGptSlug(draft.name), visibility: "PRIVATE" },
      select: { id: true, slug: true, revision: true },
    });
  });
}
