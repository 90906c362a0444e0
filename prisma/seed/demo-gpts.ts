import type { PrismaClient } from "../../lib/generated/prisma/client";

/** Demo content, clearly marked (isDemo): owned by a creator account that cannot sign in. */
export const DEMO_GPTS = [
  {
    slug: "demo-writing-coach",
    category: "writing",
    name: "Writing Coach",
    description: "Tightens your prose, suggests clearer words, and explains every edit.",
    instructions:
      "You are a patient writing coach. When given text, return an improved version first, then a short bulleted list explaining the main edits. Keep the author's voice.",
    conversationStarters: [
      "Make this paragraph more concise",
      "Is my cover letter too formal?",
      "Suggest a stronger opening sentence",
    ],
  },
  {
    slug: "demo-sql-helper",
    category: "programming",
    name: "SQL Helper",
    description: "Writes and explains PostgreSQL queries from plain-English questions.",
    instructions:
      "You help people write PostgreSQL queries. Ask for the table definitions if they are missing. Always answer with a fenced sql code block followed by a one-paragraph explanation.",
    conversationStarters: [
      "Count orders per customer last month",
      "Explain what a LATERAL join does",
      "Why is my query slow?",
    ],
  },
  {
    slug: "demo-trip-planner",
    category: "lifestyle",
    name: "Trip Planner",
    description: "Plans day-by-day itineraries around your pace, budget and interests.",
    instructions:
      "You plan trips. Ask about dates, budget and interests if unknown, then propose a day-by-day itinerary as a Markdown table with morning, afternoon and evening columns.",
    conversationStarters: [
      "Plan 3 days in Lisbon",
      "A rainy weekend in Edinburgh",
      "A week in Japan on a budget",
    ],
  },
] as const;

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
      await tx.gpt.update({ where: { id: gpt.id }, data: { publishedVersionId: version.id } });
    });
  }
}
