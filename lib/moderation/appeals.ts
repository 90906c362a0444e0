import "server-only";
import { assertModerator } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { parseInput } from "../gpts/parse-input";
import { dispatchEmail, type QueuedEmail } from "../mail/send-email";
import { notify } from "../notifications/notify";
import { invalidateStoreListings } from "../store/listing-cache";
import { DECISION_KIND_LABELS, isAppealableKind, STATUS_AFTER_DECISION } from "./labels";
import { reportedGptSelect, toDecisionSummary, toReportedGpt } from "./report-queries";
import {
  type AppealInput,
  type AppealsPage,
  appealInputSchema,
  type DecideAppealInput,
  decideAppealSchema,
  type PendingAppeal,
} from "./schemas";

export const ALREADY_APPEALED = "You already appealed this decision.";
export const SUPERSEDED_DECISION =
  "This decision no longer applies: a newer decision or change replaced it.";
export const APPEALS_PAGE_SIZE = 50;

type Tx = Prisma.TransactionClient;
type LockedGpt = { id: string; ownerId: string; name: string; status: string };
type DecisionRow = {
  id: string;
  gptId: string;
  kind: keyof typeof DECISION_KIND_LABELS;
  createdAt: Date;
  appealStatus: "PENDING" | "UPHELD" | "REVERSED" | null;
};

async function lockGpt(tx: Tx, gptId: string): Promise<LockedGpt | null> {
  const [gpt] = await tx.$queryRaw<LockedGpt[]>`
    SELECT g.id, g."ownerId", COALESCE(v.name, g.name) AS name, g.status::text AS status
    FROM "Gpt" g LEFT JOIN "GptVersion" v ON v.id = g."publishedVersionId"
    WHERE g.id = ${gptId} AND g."deletedAt" IS NULL
    FOR UPDATE OF g`;
  return gpt ?? null;
}

/**
 * A decision still applies while it is its GPT's latest and the GPT is still in the state it left
 * (a rejected GPT its creator resubmitted is IN_REVIEW: the rejection no longer stands).
 */
async function isCurrentDecision(tx: Tx, decision: DecisionRow, gpt: LockedGpt): Promise<boolean> {
  if (gpt.status !== STATUS_AFTER_DECISION[decision.kind]) return false;
  const latest = await tx.moderationDecision.findFirst({
    where: { gptId: decision.gptId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return latest?.id === decision.id;
}

const decisionSelect = {
  id: true,
  gptId: true,
  kind: true,
  createdAt: true,
  appealStatus: true,
} as const;

/**
 * The creator appeals a REJECT, UNLIST or REMOVE decision about their GPT, once. Moderators are
 * notified. A second appeal, or an appeal of a decision that no longer applies, is a 409.
 */
export async function appealDecision({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: AppealInput;
}): Promise<{ decisionId: string; appealStatus: "PENDING" }> {
  const data = parseInput(appealInputSchema, input);
  const emails = await prisma.$transaction(async (tx) => {
    const gpt = await lockGpt(tx, gptId);
    // Someone else's GPT answers exactly like a missing one.
    if (!gpt || gpt.ownerId !== actor.id) throw new AppError("not_found", "GPT not found.");
    const decision = await tx.moderationDecision.findFirst({
      where: { id: data.decisionId, gptId: gpt.id },
      select: decisionSelect,
    });
    if (!decision) throw new AppError("not_found", "This decision does not exist.");
    if (!isAppealableKind(decision.kind)) {
      throw new AppError(
        "bad_request",
        "Only rejections, unlistings and removals can be appealed.",
      );
    }
    if (decision.appealStatus !== null) throw new AppError("conflict", ALREADY_APPEALED);
    if (!(await isCurrentDecision(tx, decision, gpt))) {
      throw new AppError("conflict", SUPERSEDED_DECISION);
    }
    const updated = await tx.moderationDecision.updateMany({
      where: { id: decision.id, appealStatus: null },
      data: { appealText: data.text, appealedAt: new Date(), appealStatus: "PENDING" },
    });
    if (updated.count !== 1) throw new AppError("conflict", ALREADY_APPEALED);
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "appeal.submit",
        targetType: "ModerationDecision",
        targetId: decision.id,
        data: { gptId: gpt.id, kind: decision.kind },
      },
    });
    // Every moderator and admin once (the appellant aside, should they be staff themselves).
    const staff = await tx.user.findMany({
      where: {
        role: { in: ["ADMIN", "MODERATOR"] },
        id: { not: actor.id },
        deletedAt: null,
        bannedAt: null,
      },
      select: { id: true },
    });
    const queued: (QueuedEmail | null)[] = [];
    for (const member of staff) {
      queued.push(
        await notify(tx, {
          userId: member.id,
          kind: "appeal.submitted",
          title: `Appeal: “${gpt.name}” (${DECISION_KIND_LABELS[decision.kind].toLowerCase()})`,
          body: `The creator appealed the decision.\n\n${data.text}`,
          href: "/admin/reports?status=appeals",
        }),
      );
    }
    return queued;
  });
  for (const email of emails) if (email) await dispatchEmail(email);
  return { decisionId: data.decisionId, appealStatus: "PENDING" };
}

/** Pending appeals of decisions that still apply, the oldest first (first come, first served). */
export async function listPendingAppeals({ actor }: { actor: Actor }): Promise<AppealsPage> {
  assertModerator(actor);
  const rows = await prisma.moderationDecision.findMany({
    where: { appealStatus: "PENDING", gpt: { deletedAt: null } },
    orderBy: [{ appealedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      gptId: true,
      kind: true,
      reason: true,
      createdAt: true,
      appealStatus: true,
      appealText: true,
      appealedAt: true,
      decidedBy: { select: { name: true, email: true } },
      gpt: {
        select: {
          ...reportedGptSelect,
          moderationDecisions: {
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { id: true },
          },
        },
      },
    },
  });
  const appeals: PendingAppeal[] = rows
    .filter(
      (row) =>
        row.gpt.moderationDecisions[0]?.id === row.id &&
        row.gpt.status === STATUS_AFTER_DECISION[row.kind],
    )
    .map((row) => ({
      decision: toDecisionSummary(row),
      appealText: row.appealText ?? "",
      appealedAt: (row.appealedAt ?? row.createdAt).toISOString(),
      gpt: toReportedGpt(row.gpt),
    }));
  return { appeals: appeals.slice(0, APPEALS_PAGE_SIZE), pendingAppealCount: appeals.length };
}

function appealNotice(outcome: "uphold" | "reverse", name: string, reply: string) {
  if (outcome === "uphold") {
    return {
      kind: "appeal.upheld" as const,
      title: `Your appeal about “${name}” was declined`,
      body: `The moderators' decision stands.\n\nTheir reply: ${reply}`,
    };
  }
  return {
    kind: "appeal.reversed" as const,
    title: `Your appeal about “${name}” was accepted`,
    body: `The decision was reversed: your GPT works again for the people you share it with, and a public GPT is back in the store.\n\nTheir reply: ${reply}`,
  };
}

/**
 * A moderator answers a pending appeal. "uphold" keeps the decision; "reverse" puts the GPT back to
 * ACTIVE (a reversed rejection also approves its listing review). The appeal fields record the
 * outcome (no new decision row); the creator is notified with the reply; audit-logged.
 */
export async function decideAppeal({
  actor,
  decisionId,
  input,
}: {
  actor: Actor;
  decisionId: string;
  input: DecideAppealInput;
}): Promise<{ decisionId: string; appealStatus: "UPHELD" | "REVERSED"; gptId: string }> {
  assertModerator(actor);
  const data = parseInput(decideAppealSchema, input);
  const target = await prisma.moderationDecision.findUnique({
    where: { id: decisionId },
    select: { gptId: true },
  });
  if (!target) throw new AppError("not_found", "This decision does not exist.");
  const appealStatus = data.outcome === "uphold" ? "UPHELD" : "REVERSED";
  const email = await prisma.$transaction(async (tx) => {
    const gpt = await lockGpt(tx, target.gptId);
    if (!gpt) throw new AppError("not_found", "This GPT no longer exists.");
    const decision = await tx.moderationDecision.findUniqueOrThrow({
      where: { id: decisionId },
      select: decisionSelect,
    });
    if (decision.appealStatus !== "PENDING") {
      throw new AppError("conflict", "This appeal was already decided by another moderator.");
    }
    if (!(await isCurrentDecision(tx, decision, gpt))) {
      throw new AppError("conflict", SUPERSEDED_DECISION);
    }
    await tx.moderationDecision.update({
      where: { id: decision.id },
      data: {
        appealStatus,
        appealReply: data.reply,
        appealDecidedById: actor.id,
        appealDecidedAt: new Date(),
      },
    });
    if (appealStatus === "REVERSED") {
      await tx.gpt.update({ where: { id: gpt.id }, data: { status: "ACTIVE" } });
      if (decision.kind === "REJECT") {
        await tx.listingReview.updateMany({
          where: { decisionId: decision.id },
          data: { status: "APPROVED", decidedAt: new Date() },
        });
      }
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: data.outcome === "uphold" ? "appeal.uphold" : "appeal.reverse",
        targetType: "ModerationDecision",
        targetId: decision.id,
        data: { gptId: gpt.id, kind: decision.kind, reply: data.reply, previousStatus: gpt.status },
      },
    });
    const { kind, title, body } = appealNotice(data.outcome, gpt.name, data.reply);
    return notify(tx, { userId: gpt.ownerId, kind, title, body, href: `/gpts/${gpt.id}/edit` });
  });
  if (email) await dispatchEmail(email);
  if (appealStatus === "REVERSED") invalidateStoreListings();
  return { decisionId, appealStatus, gptId: target.gptId };
}
