import "server-only";
import { mentionOf, textOf } from "../chat/schemas";
import { prisma } from "../db";
import type { ActionDefinition } from "../gpt-actions/definition";
import { definitionFromRow, definitionsFromVersion } from "../gpt-actions/definition";
import { toPackageAction } from "../gpt-actions/package-actions";
import { configOf, type GptConfig } from "../gpts/gpt-config";

/**
 * The parts of "Download my data" (lib/accounts/export-data.ts), each read for one user only and
 * shaped for people: names instead of internal keys, ISO dates, no secret of any kind (password
 * hash, tokens, action credentials, session ids, storage keys, share tokens).
 */

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export async function profileSection(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      emailVerifiedAt: true,
      emailNotifications: true,
      passwordHash: true,
      createdAt: true,
      accounts: { select: { provider: true, createdAt: true } },
      builderProfile: {
        select: {
          handle: true,
          displayName: true,
          website: true,
          bio: true,
          avatarKey: true,
          verifiedDomain: true,
          domainVerifiedAt: true,
          createdAt: true,
          updatedAt: true,
        },
      },
      pinnedGpts: { select: { createdAt: true, gpt: { select: { name: true, slug: true } } } },
      notifications: {
        orderBy: { createdAt: "desc" },
        select: { kind: true, title: true, body: true, href: true, readAt: true, createdAt: true },
      },
    },
  });
  const profile = user.builderProfile;
  return {
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      emailVerifiedAt: iso(user.emailVerifiedAt),
      createdAt: iso(user.createdAt),
      signInMethods: {
        password: Boolean(user.passwordHash),
        providers: user.accounts.map((account) => ({
          provider: account.provider,
          connectedAt: iso(account.createdAt),
        })),
      },
    },
    builderProfile: profile
      ? {
          handle: profile.handle,
          displayName: profile.displayName,
          website: profile.website,
          bio: profile.bio,
          hasPicture: Boolean(profile.avatarKey),
          verifiedDomain: profile.verifiedDomain,
          domainVerifiedAt: iso(profile.domainVerifiedAt),
          createdAt: iso(profile.createdAt),
          updatedAt: iso(profile.updatedAt),
        }
      : null,
    settings: {
      emailNotifications: user.emailNotifications,
      pinnedGpts: user.pinnedGpts.map((pin) => ({
        name: pin.gpt.name,
        slug: pin.gpt.slug,
        pinnedAt: iso(pin.createdAt),
      })),
    },
    notifications: user.notifications.map((notification) => ({
      ...notification,
      readAt: iso(notification.readAt),
      createdAt: iso(notification.createdAt),
    })),
  };
}

const CONVERSATION_PAGE = 50;

/**
 * The user's conversations with every message, a page at a time: `onConversation` receives each
 * one (the caller serialises it and keeps a size cap) so a long history is never held twice.
 */
export async function forEachConversation(
  userId: string,
  onConversation: (conversation: unknown) => void,
): Promise<number> {
  const gptNames = new Map<string, string>();
  async function nameOf(gptId: string | null): Promise<string | null> {
    if (!gptId) return null;
    if (!gptNames.has(gptId)) {
      const gpt = await prisma.gpt.findUnique({ where: { id: gptId }, select: { name: true } });
      gptNames.set(gptId, gpt?.name ?? "Deleted GPT");
    }
    return gptNames.get(gptId) ?? null;
  }
  let cursor: string | undefined;
  let total = 0;
  for (;;) {
    const page = await prisma.conversation.findMany({
      // A widget visitor's chat is the visitor's, not the paying creator's.
      where: { userId, origin: { not: "EMBED" } },
      orderBy: { id: "asc" },
      take: CONVERSATION_PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: {
        id: true,
        title: true,
        gptId: true,
        isPreview: true,
        isBuilder: true,
        createdAt: true,
        updatedAt: true,
        gpt: { select: { name: true } },
        messages: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            role: true,
            parts: true,
            status: true,
            gptId: true,
            errorMessage: true,
            supersededAt: true,
            createdAt: true,
            feedback: { select: { rating: true, comment: true, createdAt: true } },
          },
        },
      },
    });
    for (const conversation of page) {
      gptNames.set(conversation.gptId, conversation.gpt.name);
      const messages = [];
      for (const message of conversation.messages) {
        messages.push({
          id: message.id,
          role: message.role === "USER" ? "user" : "assistant",
          status: message.status,
          text: textOf(message.parts),
          gptName:
            message.role === "ASSISTANT" ? await nameOf(message.gptId ?? conversation.gptId) : null,
          mentionedGpt: mentionOf(message.parts)?.name ?? null,
          errorMessage: message.errorMessage,
          // Regenerated or edited away: hidden in the app, kept because it was answered.
          isReplaced: Boolean(message.supersededAt),
          createdAt: iso(message.createdAt),
          feedback: message.feedback
            ? {
                rating: message.feedback.rating,
                comment: message.feedback.comment,
                createdAt: iso(message.feedback.createdAt),
              }
            : null,
        });
      }
      onConversation({
        id: conversation.id,
        title: conversation.title,
        gptName: conversation.gpt.name,
        kind: conversation.isBuilder ? "builder" : conversation.isPreview ? "preview" : "chat",
        createdAt: iso(conversation.createdAt),
        updatedAt: iso(conversation.updatedAt),
        messages,
      });
      total += 1;
    }
    if (page.length < CONVERSATION_PAGE) return total;
    cursor = page[page.length - 1].id;
  }
}

/** An action as the GPT package describes it: the document and settings, never a credential. */
function safeAction(definition: ActionDefinition) {
  try {
    return toPackageAction(definition);
  } catch {
    // A document that no longer parses: its name and server are still the creator's data.
    return {
      name: definition.name,
      kind: definition.kind === "MCP" ? "mcp" : "openapi",
      serverUrl: definition.serverUrl,
      authKind: definition.authKind.toLowerCase(),
    };
  }
}

async function readableConfig(config: GptConfig) {
  const [category, model] = await Promise.all([
    config.categoryId
      ? prisma.category.findUnique({ where: { id: config.categoryId }, select: { name: true } })
      : null,
    config.modelConfigId
      ? prisma.modelConfig.findUnique({
          where: { id: config.modelConfigId },
          select: { displayName: true },
        })
      : null,
  ]);
  const { categoryId: _category, modelConfigId: _model, avatarKey, ...rest } = configOf(config);
  return {
    ...rest,
    category: category?.name ?? null,
    model: model?.displayName ?? null,
    hasAvatarPicture: Boolean(avatarKey),
  };
}

/** The user's GPTs (not those they deleted): draft, published versions, files, actions. */
export async function gptsSection(userId: string) {
  const gpts = await prisma.gpt.findMany({
    where: { ownerId: userId, deletedAt: null },
    orderBy: { createdAt: "asc" },
    include: {
      versions: { orderBy: { number: "asc" } },
      actions: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      knowledgeFiles: {
        orderBy: { createdAt: "asc" },
        select: {
          name: true,
          kind: true,
          mimeType: true,
          sizeBytes: true,
          sha256: true,
          status: true,
          pageCount: true,
          chunkCount: true,
          inDraft: true,
          createdAt: true,
        },
      },
    },
  });
  const result = [];
  for (const gpt of gpts) {
    const versions = [];
    for (const version of gpt.versions) {
      versions.push({
        number: version.number,
        isLive: version.id === gpt.publishedVersionId,
        publishedAt: iso(version.createdAt),
        releaseNote: version.releaseNote,
        config: await readableConfig(version),
        actions: definitionsFromVersion(version.actions).map(safeAction),
      });
    }
    result.push({
      id: gpt.id,
      slug: gpt.slug,
      visibility: gpt.visibility,
      status: gpt.status,
      allowRemix: gpt.allowRemix,
      allowKnowledgeRemix: gpt.allowKnowledgeRemix,
      conversationCount: gpt.conversationCount,
      rating: { count: gpt.ratingCount, sum: gpt.ratingSum },
      createdAt: iso(gpt.createdAt),
      updatedAt: iso(gpt.updatedAt),
      draft: {
        config: await readableConfig(gpt),
        actions: gpt.actions.map((row) => safeAction(definitionFromRow(row))),
      },
      publishedVersions: versions,
      knowledgeFiles: gpt.knowledgeFiles.map((file) => ({
        ...file,
        inDraft: file.inDraft,
        createdAt: iso(file.createdAt),
      })),
    });
  }
  return result;
}

export async function reviewsSection(userId: string) {
  const reviews = await prisma.review.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      rating: true,
      body: true,
      creatorReply: true,
      creatorRepliedAt: true,
      createdAt: true,
      updatedAt: true,
      gpt: { select: { name: true, slug: true } },
    },
  });
  return reviews.map((review) => ({
    gptName: review.gpt.name,
    gptSlug: review.gpt.slug,
    rating: review.rating,
    body: review.body,
    creatorReply: review.creatorReply,
    creatorRepliedAt: iso(review.creatorRepliedAt),
    createdAt: iso(review.createdAt),
    updatedAt: iso(review.updatedAt),
  }));
}

export async function reportsSection(userId: string) {
  const reports = await prisma.report.findMany({
    where: { reporterId: userId },
    orderBy: { createdAt: "asc" },
    select: {
      reason: true,
      details: true,
      status: true,
      createdAt: true,
      resolvedAt: true,
      gpt: { select: { name: true, slug: true } },
    },
  });
  return reports.map((report) => ({
    gptName: report.gpt.name,
    gptSlug: report.gpt.slug,
    reason: report.reason,
    details: report.details,
    status: report.status,
    createdAt: iso(report.createdAt),
    resolvedAt: iso(report.resolvedAt),
  }));
}

type UsageRow = {
  month: string;
  answers: number;
  inputTokens: bigint;
  outputTokens: bigint;
  costMicros: bigint;
  creditMicros: bigint;
};

/** Answers the user received, by UTC month: counts, tokens, model cost and credits paid. */
export async function usageSection(userId: string) {
  const rows = await prisma.$queryRaw<UsageRow[]>`
    SELECT to_char(date_trunc('month', "createdAt"), 'YYYY-MM') AS "month",
      COUNT(*)::int AS "answers",
      COALESCE(SUM("inputTokens"), 0)::bigint AS "inputTokens",
      COALESCE(SUM("outputTokens"), 0)::bigint AS "outputTokens",
      COALESCE(SUM("costMicros"), 0)::bigint AS "costMicros",
      COALESCE(SUM("creditMicros"), 0)::bigint AS "creditMicros"
    FROM "UsageEvent" WHERE "userId" = ${userId}
    GROUP BY 1 ORDER BY 1`;
  const byMonth = rows.map((row) => ({
    month: row.month,
    answers: Number(row.answers),
    inputTokens: Number(row.inputTokens),
    outputTokens: Number(row.outputTokens),
    modelCostMicroDollars: Number(row.costMicros),
    creditsPaidMicroDollars: Number(row.creditMicros),
  }));
  const sum = (key: keyof (typeof byMonth)[number]) =>
    byMonth.reduce((total, row) => total + (row[key] as number), 0);
  return {
    note: "Money is in micro-dollars (1,000,000 = 1 USD).",
    totals: {
      answers: sum("answers"),
      inputTokens: sum("inputTokens"),
      outputTokens: sum("outputTokens"),
      modelCostMicroDollars: sum("modelCostMicroDollars"),
      creditsPaidMicroDollars: sum("creditsPaidMicroDollars"),
    },
    byMonth,
  };
}
