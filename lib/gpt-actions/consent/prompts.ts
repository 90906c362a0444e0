import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { publish, subscribe } from "../../events/bus";
import type { ActionPromptStatus } from "../../generated/prisma/client";
import type { PromptDecision } from "../types";

/** How long a held call waits for the user before it gives up. */
export const PROMPT_TIMEOUT_MS = 10 * 60_000;
/** A safety net only: answers wake the waiting call through the event bus, in any process. */
const POLL_MS = 5_000;
const PROMPT_RETENTION_MS = 7 * 24 * 60 * 60_000;

export async function createPrompt(data: {
  userId: string;
  gptId: string;
  conversationId: string | null;
  actionId: string;
  toolCallId: string | null;
  kind: "CONSENT" | "CONNECT";
  domain: string;
}): Promise<string> {
  // Answered questions are only needed while their turn runs: a user's week-old ones go.
  await prisma.actionPrompt.deleteMany({
    where: { userId: data.userId, createdAt: { lt: new Date(Date.now() - PROMPT_RETENTION_MS) } },
  });
  const prompt = await prisma.actionPrompt.create({ data });
  return prompt.id;
}

/** Resolves with the prompt's answer; EXPIRED after the timeout or when the turn is aborted. */
export async function waitForPrompt(
  promptId: string,
  { signal, timeoutMs = PROMPT_TIMEOUT_MS }: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<ActionPromptStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const prompt = await prisma.actionPrompt.findUnique({
      where: { id: promptId },
      select: { status: true },
    });
    if (!prompt) return "EXPIRED";
    if (prompt.status !== "PENDING") return prompt.status;
    if (signal?.aborted || Date.now() >= deadline) {
      await prisma.actionPrompt.updateMany({
        where: { id: promptId, status: "PENDING" },
        data: { status: "EXPIRED", decidedAt: new Date() },
      });
      const final = await prisma.actionPrompt.findUnique({ where: { id: promptId } });
      return final?.status ?? "EXPIRED";
    }
    // The answer may be given in another app process: the event bus wakes this one either way.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        unsubscribeReconnect();
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
      const unsubscribe = subscribe("action-prompt", (event) => {
        if (event.promptId === promptId) done();
      });
      const unsubscribeReconnect = subscribe("reconnected", done);
      signal?.addEventListener("abort", done, { once: true });
    });
  }
}

/** Wakes the call waiting on this prompt, in whichever app process it runs. */
export function notifyPrompt(promptId: string): void {
  publish("action-prompt", { promptId });
}

/**
 * The user's answer to a consent prompt shown in the chat. "Allow" remembers the domain for this
 * GPT (reads stop asking), "Always allow" stops all asking for it; a CONNECT prompt can only be
 * denied here (connecting happens through OAuth). Each prompt is answered at most once.
 */
export async function answerPrompt({
  actor,
  promptId,
  decision,
}: {
  actor: Actor;
  promptId: string;
  decision: PromptDecision;
}): Promise<void> {
  const prompt = await prisma.actionPrompt.findFirst({
    where: { id: promptId, userId: actor.id },
  });
  if (!prompt) throw new AppError("not_found", "This request is no longer waiting.");
  if (prompt.kind === "CONNECT" && decision !== "deny") {
    throw new AppError("bad_request", `Connect your account on ${prompt.domain} to continue.`);
  }
  const status = decision === "deny" ? "DENIED" : decision === "always" ? "ALWAYS" : "ALLOWED";
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.actionPrompt.updateMany({
      where: { id: prompt.id, status: "PENDING" },
      data: { status, decidedAt: new Date() },
    });
    if (claimed.count === 0) {
      throw new AppError("conflict", "This request was already answered or has expired.");
    }
    if (prompt.kind !== "CONSENT" || status === "DENIED") return;
    const key = {
      userId_gptId_domain: { userId: actor.id, gptId: prompt.gptId, domain: prompt.domain },
    };
    const existing = await tx.actionConsent.findUnique({ where: key });
    if (existing?.kind === "ALWAYS") return;
    await tx.actionConsent.upsert({
      where: key,
      create: { userId: actor.id, gptId: prompt.gptId, domain: prompt.domain, kind: status },
      update: { kind: status },
    });
  });
  notifyPrompt(prompt.id);
}

export async function findConsent({
  userId,
  gptId,
  domain,
}: {
  userId: string;
  gptId: string;
  domain: string;
}): Promise<"ALLOWED" | "ALWAYS" | null> {
  const consent = await prisma.actionConsent.findUnique({
    where: { userId_gptId_domain: { userId, gptId, domain } },
    select: { kind: true },
  });
  return consent?.kind ?? null;
}
