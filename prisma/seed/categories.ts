import type { PrismaClient } from "../../lib/generated/prisma/client";

export const DEFAULT_CATEGORIES = [
  { slug: "writing", name: "Writing", description: "Drafting, editing and style." },
  {
    slug: "productivity",
    name: "Productivity",
    description: "Plan, organise and get things done.",
  },
  {
    slug: "research",
    name: "Research & Analysis",
    description: "Find, read and reason about information.",
  },
  { slug: "education", name: "Education", description: "Learn and teach anything." },
  { slug: "programming", name: "Programming", description: "Write, review and explain code." },
  { slug: "lifestyle", name: "Lifestyle", description: "Travel, food, fitness and more." },
] as const;

export async function seedCategories(prisma: PrismaClient) {
  await prisma.category.createMany({
    data: DEFAULT_CATEGORIES.map((category, index) => ({ ...category, sortOrder: index })),
    skipDuplicates: true,
  });
  return prisma.category.findMany();
}
