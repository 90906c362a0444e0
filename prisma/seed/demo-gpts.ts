import type { PrismaClient } from "../../lib/generated/prisma/client";
import { refreshSearchDocuments } from "../../lib/store/search-document";
import { DEMO_GPTS } from "./demo-gpt-content";

export { DEMO_GPTS };

/**
 * Demo content, clearly marked (isDemo): owned by a creator account that cannot sign in.
 * Idempotent by slug. The search documents are rebuilt at the end, so a fresh store is
 * searchable at once.
 */
export async function seedDemoGpts(prisma: PrismaClient) {
  const creator = await prisma.user.upsert({
    where: { email: "demo-creator@atelier.invalid" },
    update: {},
    create: {
      email: "demo-creator@atelier.invalid",
      name: "Atelier Demo",
      builderProfile: {
        create: {
          displayName: "Atelier Demo",
          handle: "atelier",
          bio: "Demo content that ships with Atelier.",
        },
      },
    },
  });
  const categories = await prisma.category.findMany();
  for (const demo of DEMO_GPTS) {
    if (await prisma.gpt.findUnique({ where: { slug: demo.slug } })) continue;
    const categoryId = categories.find((category) => category.slug === demo.category)?.id ?? null;
    const fields = {
      name: demo.name,
      description: demo.description,
      instructions: demo.instructions,
      conversationStarters: [...demo.conversationStarters],
      avatarColor: demo.avatarColor,
      categoryId,
    };
    await prisma.$transaction(async (tx) => {
      const gpt = await tx.gpt.create({
        data: {
          ...fields,
          slug: demo.slug,
          ownerId: creator.id,
          isDemo: true,
          visibility: "PUBLIC",
        },
      });
      const version = await tx.gptVersion.create({
        data: { ...fields, gptId: gpt.id, number: 1, releaseNote: "Demo content" },
      });
      await tx.gpt.update({
        where: { id: gpt.id },
        data: {
          publishedVersionId: version.id,
          publishedAt: version.createdAt,
          publishedCategoryId: version.categoryId,
        },
      });
    });
  }
  await refreshSearchDocuments({ ownerId: creator.id }, prisma);
}
