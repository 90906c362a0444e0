import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { seedCategories } from "@/prisma/seed/categories";
import { createActor, ensureBuilderProfile } from "../../support/factories";

export async function categoryIdOf(slug: string): Promise<string> {
  await seedCategories(prisma as never);
  return (await prisma.category.findUniqueOrThrow({ where: { slug } })).id;
}

/** A creator with a builder profile named `displayName`. */
export async function createCreator(displayName: string): Promise<Actor> {
  const actor = await createActor({ name: displayName });
  await ensureBuilderProfile(actor, displayName);
  return actor;
}

/**
 * A GPT published through the domain functions (so its search document is built), then given
 * capabilities and stats directly: reviews and usage have their own domains and tests.
 */
export async function publishListedGpt(
  owner: Actor,
  fields: {
    name: string;
    description?: string;
    category?: string;
    visibility?: "PUBLIC" | "LINK" | "PRIVATE";
    capabilities?: string[];
    stats?: {
      ratingCount?: number;
      ratingSum?: number;
      ratingScore?: number;
      conversationCount?: number;
      trendingScore?: number;
    };
  },
) {
  const categoryId = fields.category ? await categoryIdOf(fields.category) : null;
  const gpt = await createGpt({
    actor: owner,
    input: {
      name: fields.name,
      description: fields.description ?? `${fields.name} helps with things.`,
      instructions: "Be brief.",
      categoryId,
    },
  });
  await publishGpt({
    actor: owner,
    gptId: gpt.id,
    input: { visibility: fields.visibility ?? "PUBLIC" },
  });
  const published = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
  if (fields.capabilities) {
    await prisma.gptVersion.update({
      where: { id: published.publishedVersionId! },
      data: { capabilities: fields.capabilities },
    });
  }
  if (fields.stats) await prisma.gpt.update({ where: { id: gpt.id }, data: fields.stats });
  return published;
}
