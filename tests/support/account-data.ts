import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/session";
import { startUserSession } from "@/lib/auth/user-sessions";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { creatorAccount, LEDGER_ACCOUNTS } from "@/lib/ledger/accounts";
import { bookLedgerTransaction } from "@/lib/ledger/book";
import { createActor, createKnowledgeFileRow, ensureBuilderProfile } from "./factories";

/**
 * Seeds for "Download my data" and account deletion (tests/integration/accounts): one user with a
 * bit of everything, each piece tagged with a marker so a test can grep the export for it.
 */

export const ACCOUNT_PASSWORD = "a long and secret passphrase";

export type SeededUser = Actor & {
  sessionId: string;
  passwordHash: string | null;
  marker: string;
  gptId: string;
  conversationId: string;
  knowledgeBlobKey: string;
  actionSecret: string;
};

/** A user with a password (or OAuth only), a session, a published GPT and its data. */
export async function seedUserWithData(
  options: { label?: string; withPassword?: boolean; role?: Actor["role"] } = {},
): Promise<SeededUser> {
  const marker = `${options.label ?? "user"}-${randomUUID().slice(0, 8)}`;
  const actor = await createActor({ name: `Name ${marker}`, role: options.role ?? "USER" });
  const passwordHash = options.withPassword === false ? null : await hashPassword(ACCOUNT_PASSWORD);
  await prisma.user.update({
    where: { id: actor.id },
    data: { passwordHash, emailVerifiedAt: new Date() },
  });
  const sessionId = await startUserSession({ userId: actor.id, userAgent: "integration test" });
  await prisma.account.create({
    data: { userId: actor.id, provider: "github", providerAccountId: `gh-${marker}` },
  });

  const gpt = await createGpt({
    actor,
    input: {
      name: `GPT ${marker}`,
      description: "A GPT for the data tests",
      instructions: `Instructions ${marker}`,
      conversationStarters: ["Hello"],
    },
  });
  const file = await createKnowledgeFileRow(actor, gpt.id, {
    text: `Knowledge ${marker}`,
    status: "READY",
  });
  const actionSecret = `ciphertext-secret-${marker}`;
  await prisma.gptAction.create({
    data: {
      gptId: gpt.id,
      kind: "OPENAPI",
      name: `Action ${marker}`,
      serverUrl: "https://api.example.com",
      operations: [],
      authKind: "OAUTH",
      authConfig: {
        clientId: `client-id-${marker}`,
        authorizeUrl: "https://api.example.com/authorize",
        tokenUrl: "https://api.example.com/token",
        scopes: "read",
        tokenAuthMethod: "client_secret_post",
      },
      secretCiphertext: actionSecret,
    },
  });
  await ensureBuilderProfile(actor, `Creator ${marker}`);
  await publishGpt({ actor, gptId: gpt.id, input: { visibility: "PUBLIC" } });
  await prisma.actionConnection.create({
    data: {
      userId: actor.id,
      gptId: gpt.id,
      actionId: "action-1",
      domain: "api.example.com",
      accessTokenCiphertext: `access-token-${marker}`,
    },
  });

  const conversation = await prisma.conversation.create({
    data: {
      userId: actor.id,
      gptId: gpt.id,
      title: `Chat ${marker}`,
      messages: {
        create: [
          { role: "USER", parts: [{ type: "text", text: `Question ${marker}` }] },
          {
            role: "ASSISTANT",
            parts: [{ type: "text", text: `Answer ${marker}` }],
            gptId: gpt.id,
            createdAt: new Date(Date.now() + 1000),
          },
        ],
      },
    },
    include: { messages: true },
  });
  const answer = conversation.messages.find((message) => message.role === "ASSISTANT");
  await prisma.messageFeedback.create({
    data: {
      messageId: answer!.id,
      userId: actor.id,
      gptId: gpt.id,
      rating: "UP",
      comment: `Feedback ${marker}`,
    },
  });
  await prisma.conversationShare.create({
    data: {
      token: `share-token-${marker}`,
      conversationId: conversation.id,
      userId: actor.id,
      gptId: gpt.id,
      title: "Shared",
      messages: [],
      lastMessageId: answer!.id,
    },
  });
  await prisma.usageEvent.create({
    data: {
      messageId: answer!.id,
      userId: actor.id,
      gptId: gpt.id,
      creatorId: actor.id,
      channel: "STORE",
      modelId: "fake-model",
      inputTokens: 120,
      outputTokens: 30,
      costMicros: 900,
    },
  });
  await prisma.emailToken.create({
    data: {
      userId: actor.id,
      purpose: "VERIFY_EMAIL",
      tokenHash: `hash-${marker}`,
      email: actor.email,
      expiresAt: new Date(Date.now() + 3600_000),
    },
  });
  await prisma.notification.create({
    data: { userId: actor.id, kind: "listing.approved", title: `Notice ${marker}` },
  });
  await prisma.pinnedGpt.create({ data: { userId: actor.id, gptId: gpt.id } });

  return {
    ...actor,
    sessionId,
    passwordHash,
    marker,
    gptId: gpt.id,
    conversationId: conversation.id,
    knowledgeBlobKey: file.blobKey,
    actionSecret,
  };
}

/** Another user's review and report of `gptId` (with markers), after a conversation with it. */
export async function reviewAndReport(user: SeededUser, gptId: string): Promise<void> {
  await prisma.review.create({
    data: { gptId, userId: user.id, rating: 2, body: `Review ${user.marker}` },
  });
  await prisma.gpt.update({ where: { id: gptId }, data: { ratingCount: 1, ratingSum: 2 } });
  await prisma.report.create({
    data: { gptId, reporterId: user.id, reason: "SPAM", details: `Report ${user.marker}` },
  });
}

/** Earnings owed to a creator (the month's pool credited to their ledger account). */
export async function creditCreatorEarnings(creatorId: string, micros: bigint): Promise<void> {
  await prisma.$transaction((tx) =>
    bookLedgerTransaction(tx, {
      idempotencyKey: `test-earnings:${creatorId}:${randomUUID()}`,
      kind: "pool.allocated",
      sourceId: "test",
      occurredAt: new Date(),
      entries: [
        { account: LEDGER_ACCOUNTS.creatorPool, amountMicros: micros },
        { account: creatorAccount(creatorId), amountMicros: -micros },
      ],
    }),
  );
}

/** The files of a zip, decoded as text, by name. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}
