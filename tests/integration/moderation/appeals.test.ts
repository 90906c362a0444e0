import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as decideRoute } from "@/app/api/admin/appeals/[decisionId]/route";
import { GET as appealsRoute } from "@/app/api/admin/appeals/route";
import { POST as appealRoute } from "@/app/api/gpts/[id]/moderation/appeal/route";
import { GET as stateRoute } from "@/app/api/gpts/[id]/moderation/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { appealDecision, decideAppeal, listPendingAppeals } from "@/lib/moderation/appeals";
import { getGptModerationState } from "@/lib/moderation/creator-state";
import { moderateGpt } from "@/lib/moderation/resolve-report";
import { listedInStoreWhere } from "@/lib/store/card";
import { expectAppError } from "../../support/app-error";
import { createActor } from "../../support/factories";
import {
  createReportedGpt,
  gptStatus,
  notificationsOf,
  UNLIST_REASON,
} from "../../support/reports";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const APPEAL = "The link in my starters goes to my own shop, not a phishing site.";
const REPLY = "Checked the link: it is a legitimate shop. Sorry for the trouble.";

beforeEach(() => setSessionActor(null));

/** A reported GPT its admin unlisted: the decision the creator can appeal. */
async function unlistedGpt() {
  const setup = await createReportedGpt({ reporterCount: 1 });
  const { decisionId } = await moderateGpt({
    actor: setup.admin,
    gptId: setup.gpt.id,
    input: { action: "unlist", reason: UNLIST_REASON },
  });
  return { ...setup, decisionId: decisionId as string };
}

function appeal(actor: Actor | null, gptId: string, body: unknown) {
  setSessionActor(actor);
  return appealRoute(appRequest("/api/test", { method: "POST", body }), segment({ id: gptId }));
}

function decide(actor: Actor | null, decisionId: string, body: unknown) {
  setSessionActor(actor);
  return decideRoute(appRequest("/api/test", { method: "POST", body }), segment({ decisionId }));
}

async function isListed(gptId: string) {
  return (await prisma.gpt.count({ where: { id: gptId, ...listedInStoreWhere } })) === 1;
}

describe("[APPEALS]: the creator appeals a decision", () => {
  it("[APPEALS]: one appeal per decision: the first is recorded and reaches the moderators, a second is a 409", async () => {
    const { gpt, owner, admin, decisionId } = await unlistedGpt();
    const moderator = await createActor({ role: "MODERATOR" });

    const short = await appeal(owner, gpt.id, { decisionId, text: "Please." });
    expect(short.status).toBe(400);
    expect((await short.json()).error.fieldErrors.text[0]).toMatch(/at least 20 characters/);

    const first = await appeal(owner, gpt.id, { decisionId, text: APPEAL });
    expect(first.status).toBe(200);
    expect(
      await prisma.moderationDecision.findUniqueOrThrow({ where: { id: decisionId } }),
    ).toMatchObject({
      appealStatus: "PENDING",
      appealText: APPEAL,
    });
    const second = await appeal(owner, gpt.id, { decisionId, text: `${APPEAL} Again.` });
    expect(second.status).toBe(409);
    expect((await second.json()).error.message).toBe("You already appealed this decision.");

    // Every admin and moderator hears of it, once each; the creator does not.
    for (const member of [admin, moderator]) {
      const notices = await notificationsOf(member.id, "appeal.submitted");
      expect(notices).toHaveLength(1);
      expect(notices[0].body).toContain(APPEAL);
    }
    expect(await notificationsOf(owner.id, "appeal.submitted")).toHaveLength(0);
    expect(
      await prisma.auditLog.count({ where: { action: "appeal.submit", targetId: decisionId } }),
    ).toBe(1);

    const state = await getGptModerationState({ actor: owner, gptId: gpt.id });
    expect(state.latestDecision).toMatchObject({
      kind: "UNLIST",
      reason: UNLIST_REASON,
      canAppeal: false,
      appeal: { status: "PENDING", text: APPEAL },
    });
  });

  it("[APPEALS]: only the owner can appeal or read the moderation state", async () => {
    const { gpt, decisionId, reporters } = await unlistedGpt();
    expect((await appeal(null, gpt.id, { decisionId, text: APPEAL })).status).toBe(401);
    expect((await appeal(reporters[0], gpt.id, { decisionId, text: APPEAL })).status).toBe(404);
    const admin = await createActor({ role: "ADMIN" });
    expect((await appeal(admin, gpt.id, { decisionId, text: APPEAL })).status).toBe(404);
    setSessionActor(reporters[0]);
    expect((await stateRoute(appRequest("/api/test"), segment({ id: gpt.id }))).status).toBe(404);
    expect(
      (await prisma.moderationDecision.findUniqueOrThrow({ where: { id: decisionId } }))
        .appealStatus,
    ).toBeNull();
  });

  it("[APPEALS]: an appeal of a decision a newer one replaced is refused", async () => {
    const { gpt, owner, admin, decisionId } = await unlistedGpt();
    await moderateGpt({
      actor: admin,
      gptId: gpt.id,
      input: { action: "remove", reason: "It came back with the same phishing link." },
    });
    const refused = await appeal(owner, gpt.id, { decisionId, text: APPEAL });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/no longer applies/);

    // Restored by a moderator: the removal no longer applies either.
    const removal = await prisma.moderationDecision.findFirstOrThrow({
      where: { gptId: gpt.id, kind: "REMOVE" },
    });
    await moderateGpt({
      actor: admin,
      gptId: gpt.id,
      input: { action: "restore", reason: "Restored after a second look at the link." },
    });
    await expectAppError(
      appealDecision({
        actor: owner,
        gptId: gpt.id,
        input: { decisionId: removal.id, text: APPEAL },
      }),
      "conflict",
    );
    const state = await getGptModerationState({ actor: owner, gptId: gpt.id });
    expect(state).toMatchObject({
      status: "ACTIVE",
      latestDecision: { kind: "RESTORE", canAppeal: false },
    });
  });
});

describe("[APPEALS]: moderators decide appeals", () => {
  it("[APPEALS]: uphold keeps the decision and sends the creator the reply", async () => {
    const { gpt, owner, admin, decisionId } = await unlistedGpt();
    await appealDecision({ actor: owner, gptId: gpt.id, input: { decisionId, text: APPEAL } });
    const pending = await listPendingAppeals({ actor: admin });
    expect(pending.appeals.find((entry) => entry.decision.id === decisionId)).toMatchObject({
      appealText: APPEAL,
      decision: { kind: "UNLIST", reason: UNLIST_REASON },
      gpt: { id: gpt.id, status: "UNLISTED" },
    });

    const missingReply = await decide(admin, decisionId, { outcome: "uphold", reply: "" });
    expect(missingReply.status).toBe(400);
    const upheld = await decide(admin, decisionId, { outcome: "uphold", reply: REPLY });
    expect(upheld.status).toBe(200);
    expect(await gptStatus(gpt.id)).toBe("UNLISTED");
    expect(
      await prisma.moderationDecision.findUniqueOrThrow({ where: { id: decisionId } }),
    ).toMatchObject({
      appealStatus: "UPHELD",
      appealReply: REPLY,
      appealDecidedById: admin.id,
    });
    const [notice] = await notificationsOf(owner.id, "appeal.upheld");
    expect(notice.body).toContain(REPLY);
    expect(notice.href).toBe(`/gpts/${gpt.id}/edit`);
    expect(
      await prisma.auditLog.count({ where: { action: "appeal.uphold", targetId: decisionId } }),
    ).toBe(1);

    const again = await decide(admin, decisionId, { outcome: "reverse", reply: REPLY });
    expect(again.status).toBe(409);
    expect(await gptStatus(gpt.id)).toBe("UNLISTED");
    const after = await listPendingAppeals({ actor: admin });
    expect(after.appeals.some((entry) => entry.decision.id === decisionId)).toBe(false);
    // Still one appeal only, even after the answer.
    await expectAppError(
      appealDecision({ actor: owner, gptId: gpt.id, input: { decisionId, text: APPEAL } }),
      "conflict",
    );
  });

  it("[APPEALS]: reverse lists the GPT again and tells the creator", async () => {
    const { gpt, owner, decisionId } = await unlistedGpt();
    const moderator = await createActor({ role: "MODERATOR" });
    await appealDecision({ actor: owner, gptId: gpt.id, input: { decisionId, text: APPEAL } });
    expect(await isListed(gpt.id)).toBe(false);
    const reversed = await decide(moderator, decisionId, { outcome: "reverse", reply: REPLY });
    expect(reversed.status).toBe(200);
    expect(await gptStatus(gpt.id)).toBe("ACTIVE");
    expect(await isListed(gpt.id)).toBe(true);
    // The appeal fields record the reversal: no RESTORE row.
    expect(await prisma.moderationDecision.count({ where: { gptId: gpt.id } })).toBe(1);
    const [notice] = await notificationsOf(owner.id, "appeal.reversed");
    expect(notice.body).toContain(REPLY);
    expect(
      await prisma.auditLog.count({ where: { action: "appeal.reverse", targetId: decisionId } }),
    ).toBe(1);
    const state = await getGptModerationState({ actor: owner, gptId: gpt.id });
    expect(state.latestDecision?.appeal).toMatchObject({ status: "REVERSED", reply: REPLY });
  });

  it("[APPEALS]: a reversed rejection lists the GPT and approves its listing review", async () => {
    const { gpt, owner, admin } = await createReportedGpt({ reporterCount: 0 });
    // What the review pipeline leaves behind when a moderator rejects a listing.
    const decision = await prisma.moderationDecision.create({
      data: {
        gptId: gpt.id,
        kind: "REJECT",
        reason: "The description promises medical diagnoses.",
        decidedById: admin.id,
      },
    });
    const review = await prisma.listingReview.create({
      data: { gptId: gpt.id, status: "REJECTED", decisionId: decision.id, decidedAt: new Date() },
    });
    await prisma.gpt.update({ where: { id: gpt.id }, data: { status: "REJECTED" } });
    const state = await getGptModerationState({ actor: owner, gptId: gpt.id });
    expect(state).toMatchObject({
      status: "REJECTED",
      canResubmit: true,
      latestDecision: { canAppeal: true },
    });

    await appealDecision({
      actor: owner,
      gptId: gpt.id,
      input: { decisionId: decision.id, text: APPEAL },
    });
    await decideAppeal({
      actor: admin,
      decisionId: decision.id,
      input: { outcome: "reverse", reply: REPLY },
    });
    expect(await gptStatus(gpt.id)).toBe("ACTIVE");
    expect(await isListed(gpt.id)).toBe(true);
    expect(
      await prisma.listingReview.findUniqueOrThrow({ where: { id: review.id } }),
    ).toMatchObject({
      status: "APPROVED",
    });
  });

  it("[APPEALS]: a USER gets 403 on the staff routes; a moderator sees the pending appeals", async () => {
    const { gpt, owner, decisionId } = await unlistedGpt();
    await appealDecision({ actor: owner, gptId: gpt.id, input: { decisionId, text: APPEAL } });
    const user = await createActor();
    setSessionActor(user);
    expect((await appealsRoute(appRequest("/api/admin/appeals"), segment({}))).status).toBe(403);
    expect((await decide(user, decisionId, { outcome: "reverse", reply: REPLY })).status).toBe(403);
    // The creator is a USER too: no deciding one's own appeal.
    expect((await decide(owner, decisionId, { outcome: "reverse", reply: REPLY })).status).toBe(
      403,
    );
    setSessionActor(null);
    expect((await appealsRoute(appRequest("/api/admin/appeals"), segment({}))).status).toBe(401);
    expect(await gptStatus(gpt.id)).toBe("UNLISTED");

    setSessionActor(await createActor({ role: "MODERATOR" }));
    const listed = await appealsRoute(appRequest("/api/admin/appeals"), segment({}));
    expect(listed.status).toBe(200);
    const body = await listed.json();
    expect(
      body.appeals.some((entry: { decision: { id: string } }) => entry.decision.id === decisionId),
    ).toBe(true);
  });
});
