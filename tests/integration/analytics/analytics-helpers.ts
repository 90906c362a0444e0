import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";

/**
 * Source rows for the analytics tests, written directly with chosen timestamps (the domains that
 * write them in the app have their own tests). Every helper also notes what it wrote in `log`, so
 * a test can work out the expected rollups from the same list.
 */

let sequence = 0;
function next(): string {
  sequence += 1;
  return `${Date.now().toString(36)}-${sequence}`;
}

export type Written =
  | { kind: "answer"; gptId: string; userId: string; at: Date; channel: Channel }
  | { kind: "conversation"; gptId: string; at: Date; isPreview: boolean; isBuilder: boolean }
  | { kind: "thumb"; gptId: string; at: Date; rating: "UP" | "DOWN" }
  | { kind: "review"; gptId: string; at: Date; rating: number }
  | {
      kind: "actionCall";
      gptId: string;
      at: Date;
      source: "CHAT" | "PREVIEW" | "TEST";
      error: string | null;
    }
  | { kind: "miss"; gptId: string; at: Date };

type Channel = "STORE" | "API" | "EMBED" | "PREVIEW";

export const log: Written[] = [];

/** A UTC instant `daysAgo` days before `now`'s day, at `hour`. */
export function daysAgo(now: Date, days: number, hour = 10): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days, hour));
}

export async function createGptFor(owner: Actor, name: string) {
  return prisma.gpt.create({
    data: { ownerId: owner.id, slug: `analytics-${next()}`, name },
  });
}

export async function answer(input: {
  gpt: { id: string; ownerId: string };
  userId: string;
  at: Date;
  channel?: Channel;
}) {
  const channel = input.channel ?? "STORE";
  await prisma.usageEvent.create({
    data: {
      messageId: `analytics-message-${next()}`,
      userId: input.userId,
      gptId: input.gpt.id,
      creatorId: input.gpt.ownerId,
      channel,
      modelId: "fake-model",
      inputTokens: 10,
      outputTokens: 20,
      costMicros: 30,
      createdAt: input.at,
    },
  });
  log.push({ kind: "answer", gptId: input.gpt.id, userId: input.userId, at: input.at, channel });
}

export async function conversation(input: {
  gptId: string;
  userId: string;
  at: Date;
  isPreview?: boolean;
  isBuilder?: boolean;
}) {
  const isPreview = input.isPreview ?? false;
  const isBuilder = input.isBuilder ?? false;
  const created = await prisma.conversation.create({
    data: {
      userId: input.userId,
      gptId: input.gptId,
      isPreview,
      isBuilder,
      createdAt: input.at,
    },
  });
  log.push({ kind: "conversation", gptId: input.gptId, at: input.at, isPreview, isBuilder });
  return created;
}

/** A thumb on an answer of a conversation of its own (not counted as a conversation here). */
export async function thumb(input: {
  gptId: string;
  userId: string;
  at: Date;
  rating: "UP" | "DOWN";
}) {
  const chat = await prisma.conversation.create({
    data: { userId: input.userId, gptId: input.gptId, isPreview: true, createdAt: input.at },
  });
  const message = await prisma.message.create({
    data: { conversationId: chat.id, role: "ASSISTANT", parts: [], createdAt: input.at },
  });
  await prisma.messageFeedback.create({
    data: {
      messageId: message.id,
      userId: input.userId,
      gptId: input.gptId,
      rating: input.rating,
      createdAt: input.at,
    },
  });
  log.push({ kind: "thumb", gptId: input.gptId, at: input.at, rating: input.rating });
}

export async function review(input: { gptId: string; userId: string; at: Date; rating: number }) {
  await prisma.review.create({
    data: {
      gptId: input.gptId,
      userId: input.userId,
      rating: input.rating,
      createdAt: input.at,
    },
  });
  log.push({ kind: "review", gptId: input.gptId, at: input.at, rating: input.rating });
}

export async function actionCall(input: {
  gptId: string;
  at: Date;
  operation: string;
  source?: "CHAT" | "PREVIEW" | "TEST";
  error?: string | null;
}) {
  const source = input.source ?? "CHAT";
  const error = input.error ?? null;
  await prisma.actionCall.create({
    data: {
      gptId: input.gptId,
      actionId: "analytics-action",
      source,
      operation: input.operation,
      method: "GET",
      domain: "api.example.com",
      status: error ? 500 : 200,
      latencyMs: 12,
      error,
      createdAt: input.at,
    },
  });
  log.push({ kind: "actionCall", gptId: input.gptId, at: input.at, source, error });
}

export async function miss(input: { gptId: string; query: string; normalized: string; at: Date }) {
  const { at, ...data } = input;
  await prisma.knowledgeMiss.create({ data: { ...data, createdAt: at } });
  log.push({ kind: "miss", gptId: input.gptId, at: input.at });
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

export type ExpectedDay = {
  gptId: string;
  day: string;
  conversations: number;
  answers: number;
  users: number;
  thumbsUp: number;
  thumbsDown: number;
  reviews: number;
  ratingSum: number;
  knowledgeMisses: number;
  actionCalls: number;
  actionErrors: number;
};

/** GptDailyStats as the written rows say they should be, keyed "gptId day". */
export function expectedDailyStats(rows: Written[]): Map<string, ExpectedDay> {
  const stats = new Map<string, ExpectedDay>();
  const users = new Map<string, Set<string>>();
  const of = (gptId: string, at: Date) => {
    const key = `${gptId} ${dayOf(at)}`;
    let row = stats.get(key);
    if (!row) {
      row = {
        gptId,
        day: dayOf(at),
        conversations: 0,
        answers: 0,
        users: 0,
        thumbsUp: 0,
        thumbsDown: 0,
        reviews: 0,
        ratingSum: 0,
        knowledgeMisses: 0,
        actionCalls: 0,
        actionErrors: 0,
      };
      stats.set(key, row);
    }
    return row;
  };
  for (const row of rows) {
    if (row.kind === "answer" && row.channel !== "PREVIEW") {
      const day = of(row.gptId, row.at);
      day.answers += 1;
      const key = `${row.gptId} ${dayOf(row.at)}`;
      users.set(key, (users.get(key) ?? new Set()).add(row.userId));
      day.users = users.get(key)!.size;
    }
    if (row.kind === "conversation" && !row.isPreview && !row.isBuilder) {
      of(row.gptId, row.at).conversations += 1;
    }
    if (row.kind === "thumb") {
      if (row.rating === "UP") of(row.gptId, row.at).thumbsUp += 1;
      else of(row.gptId, row.at).thumbsDown += 1;
    }
    if (row.kind === "review") {
      of(row.gptId, row.at).reviews += 1;
      of(row.gptId, row.at).ratingSum += row.rating;
    }
    if (row.kind === "miss") of(row.gptId, row.at).knowledgeMisses += 1;
    if (row.kind === "actionCall" && row.source === "CHAT") {
      of(row.gptId, row.at).actionCalls += 1;
      if (row.error) of(row.gptId, row.at).actionErrors += 1;
    }
  }
  return stats;
}

/** GptUserDay as the written answers say, keyed "gptId day userId" → answers. */
export function expectedUserDays(rows: Written[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const row of rows) {
    if (row.kind !== "answer" || row.channel === "PREVIEW") continue;
    const key = `${row.gptId} ${dayOf(row.at)} ${row.userId}`;
    days.set(key, (days.get(key) ?? 0) + 1);
  }
  return days;
}

/** The stored rollups, in the same shapes as the expectations. */
export async function storedRollups() {
  const stats = await prisma.gptDailyStats.findMany();
  const userDays = await prisma.gptUserDay.findMany();
  return {
    stats: new Map(
      stats.map(({ creatorId: _creator, day, ...row }) => [
        `${row.gptId} ${dayOf(day)}`,
        { ...row, day: dayOf(day) },
      ]),
    ),
    userDays: new Map(
      userDays.map((row) => [`${row.gptId} ${dayOf(row.day)} ${row.userId}`, row.answers]),
    ),
    creators: new Map(stats.map((row) => [row.gptId, row.creatorId])),
  };
}
