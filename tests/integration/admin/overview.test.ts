import { describe, expect, it } from "vitest";
import { getAdminHome, getAdminOverview, listGptsForAdmin } from "@/lib/admin/queries";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("[ADMIN]: overview", () => {
  it("counts users, GPTs, conversations and the last 30 days of usage", async () => {
    const adminUser = await prisma.user.create({
      data: { email: "stats-admin@example.com", name: "Stats", role: "ADMIN" },
    });
    const admin: Actor = {
      id: adminUser.id,
      email: adminUser.email,
      name: adminUser.name,
      role: "ADMIN",
    };
    const creator = await prisma.user.create({
      data: { email: "creator@example.com", name: "Creator" },
    });
    await prisma.user.create({ data: { email: "banned@example.com", bannedAt: new Date() } });

    const published = await prisma.gpt.create({
      data: {
        ownerId: creator.id,
        slug: "published-gpt",
        name: "Published",
        visibility: "PUBLIC",
        isDemo: true,
      },
    });
    const version = await prisma.gptVersion.create({
      data: {
        gptId: published.id,
        number: 2,
        name: "Published",
        description: "",
        instructions: "",
        conversationStarters: [],
      },
    });
    await prisma.gpt.update({
      where: { id: published.id },
      data: { publishedVersionId: version.id },
    });
    await prisma.gpt.create({ data: { ownerId: creator.id, slug: "draft-gpt", name: "Draft" } });

    await prisma.conversation.create({ data: { userId: adminUser.id, gptId: published.id } });
    await prisma.conversation.create({ data: { userId: adminUser.id, gptId: published.id } });
    await prisma.conversation.create({
      data: { userId: creator.id, gptId: published.id, isPreview: true },
    });

    const now = new Date();
    const usage = (messageId: string, costMicros: number, createdAt: Date) => ({
      messageId,
      userId: adminUser.id,
      gptId: published.id,
      creatorId: creator.id,
      channel: "STORE" as const,
      modelId: "gpt-4o-mini",
      inputTokens: 1_000,
      outputTokens: 500,
      costMicros,
      createdAt,
    });
    await prisma.usageEvent.createMany({
      data: [
        usage("m1", 1_250_000, new Date(now.getTime() - DAY_MS)),
        usage("m2", 250_000, new Date(now.getTime() - 29 * DAY_MS)),
        usage("m3", 9_000_000, new Date(now.getTime() - 31 * DAY_MS)),
      ],
    });

    const overview = await getAdminOverview({ actor: admin, now });
    expect(overview).toMatchObject({
      userCount: 3,
      bannedUserCount: 1,
      gptCount: 2,
      publishedGptCount: 1,
      conversationCount: 2,
      enabledModelCount: 0,
      usage: {
        windowDays: 30,
        costMicros: 1_500_000,
        inputTokens: 2_000,
        outputTokens: 1_000,
        eventCount: 2,
      },
    });

    const { gpts, total } = await listGptsForAdmin({ actor: admin });
    expect(total).toBe(2);
    const row = gpts.find((gpt) => gpt.slug === "published-gpt");
    expect(row).toMatchObject({
      publishedVersionNumber: 2,
      conversationCount: 2,
      isDemo: true,
      visibility: "PUBLIC",
      owner: { email: "creator@example.com" },
    });
    expect(gpts.find((gpt) => gpt.slug === "draft-gpt")?.publishedVersionNumber).toBeNull();
    expect(JSON.stringify(gpts)).not.toContain("instructions");
  });

  it("is for admins only", async () => {
    const user = await prisma.user.create({ data: { email: "curious@example.com" } });
    const actor: Actor = { id: user.id, email: user.email, name: null, role: "USER" };
    await expect(getAdminOverview({ actor })).rejects.toBeInstanceOf(AppError);
    await expect(listGptsForAdmin({ actor })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getAdminHome({ actor })).rejects.toMatchObject({ code: "forbidden" });
  });
});
