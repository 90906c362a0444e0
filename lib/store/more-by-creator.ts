import "server-only";
import { prisma } from "../db";
import { listedInStoreWhere, type StoreGptCard, storeCardSelect, toStoreCards } from "./card";

/**
 * "More by this creator" on a GPT page: the owner's other listed GPTs, most used first. Only
 * listed ones: a creator's link-only, unlisted or private GPTs are not advertised next to a public
 * one. The owner is found through the GPT, so the page never needs to expose the owner's id.
 */
export async function listMoreByCreator({
  gptId,
  limit = 6,
}: {
  gptId: string;
  limit?: number;
}): Promise<StoreGptCard[]> {
  const [rows, categories] = await Promise.all([
    prisma.gpt.findMany({
      where: {
        ...listedInStoreWhere,
        id: { not: gptId },
        owner: { ...listedInStoreWhere.owner, gpts: { some: { id: gptId } } },
      },
      orderBy: [{ conversationCount: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      take: limit,
      select: storeCardSelect,
    }),
    prisma.category.findMany({ select: { id: true, name: true, slug: true } }),
  ]);
  return toStoreCards(rows, new Map(categories.map((category) => [category.id, category])));
}
