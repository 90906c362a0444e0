import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as approveRoute } from "@/app/api/admin/reviews/[id]/approve/route";
import { POST as rejectRoute } from "@/app/api/admin/reviews/[id]/reject/route";
import { GET as queueRoute } from "@/app/api/admin/reviews/route";
import { POST as resubmitRoute } from "@/app/api/gpts/[id]/resubmit/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { deleteGpt } from "@/lib/gpts/delete-gpt";
import { setGptVisibility } from "@/lib/gpts/set-gpt-visibility";
import { unpublishGpt } from "@/lib/gpts/unpublish-gpt";
import { updateGptDraft } from "@/lib/gpts/update-gpt-draft";
import { approveListingReview, rejectListingReview } from "@/lib/moderation/review/decide-review";
import { listListingReviews } from "@/lib/moderation/review/queries";
import { searchGpts } from "@/lib/store/search";
import { createActor } from "../../support/factories";
import {
  createDraftGpt,
  gptState,
  notificationsOf,
  publishAs,
  reviewsOf,
  setModerationSettings,
} from "../../support/moderation";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { listedGptIds } from "../../support/store-list";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let owner: Actor;
let moderator: Actor;

beforeEach(async () => {
  await setModerationSettings({ listingReviewPolicy: "FLAGGED_ONLY", blockedTerms: ["casino"] });
  owner = await createActor();
  moderator = await createActor({ role: "MODERATOR" });
  setSessionActor(null);
});

async function pendingReviewOf(gptId: string) {
  return prisma.listingReview.findFirstOrThrow({ where: { gptId, status: "PENDING" } });
}

function decideRoute(kind: "approve" | "reject", reviewId: string, body: unknown) {
  const handler = kind === "approve" ? approveRoute : rejectRoute;
  return handler(appRequest("/api/test", { method: "POST", body }), segment({ id: reviewId }));
}

/** Saves a new draft (name/description) through the editor's own function. */
async function editDraft(gptId: string, fields: { name?: string; description?: string }) {
  const gpt = await prisma.gpt.findUniqueOrThrow({ where: { id: gptId } });
  await updateGptDraft({
    actor: owner,
    gptId,
    input: {
      name: fields.name ?? gpt.name,
      description: fields.description ?? gpt.description,
      instructions: gpt.instructions,
      conversationStarters: gpt.conversationStarters,
      revision: gpt.revision,
    },
  });
}

describe("[LISTING REVIEW]: submitting public listings", () => {
  it("FLAGGED_ONLY lists a clean GPT at once, with no review and no notification", async () => {
    const gpt = await createDraftGpt(owner);
    const published = await publishAs(owner, gpt.id);
    expect(published.listing).toEqual({ status: "LISTED", findings: [] });
    expect(await gptState(gpt.id)).toMatchObject({ status: "ACTIVE", visibility: "PUBLIC" });
    expect(await reviewsOf(gpt.id)).toEqual([]);
    expect(await notificationsOf(owner.id)).toEqual([]);
    expect(await listedGptIds()).toContain(gpt.id);
  });

  it("FLAGGED_ONLY puts a blocked-term listing in review with its findings, and tells the creator why", async () => {
    const gpt = await createDraftGpt(owner, {
      description: "Tips for your next trip to the Casino in town.",
    });
    const published = await publishAs(owner, gpt.id);
    const message = "The description uses “casino”, a blocked term.";
    expect(published.listing).toEqual({ status: "IN_REVIEW", findings: [message] });
    expect(await gptState(gpt.id)).toMatchObject({ status: "IN_REVIEW", visibility: "PUBLIC" });
    const [review] = await reviewsOf(gpt.id);
    expect(review).toMatchObject({
      status: "PENDING",
      versionId: published.versionId,
      flags: [{ check: "blocked-term", message }],
    });
    const [notice] = await notificationsOf(owner.id);
    expect(notice).toMatchObject({ kind: "listing.in-review", href: `/gpts/${gpt.id}/edit` });
    expect(notice.body).toContain(message);
    expect(await listedGptIds()).not.toContain(gpt.id);
  });

  it("FLAGGED_ONLY puts a GPT named after a protected name in review, unless an admin owns it", async () => {
    const gpt = await createDraftGpt(owner, { name: "OpenAI helper" });
    const published = await publishAs(owner, gpt.id);
    expect(published.listing).toEqual({
      status: "IN_REVIEW",
      findings: ["The name uses “OpenAI”, a protected name: only its owner may publish under it."],
    });
    expect((await pendingReviewOf(gpt.id)).flags).toEqual([
      { check: "protected-name", message: published.listing?.findings[0] },
    ]);

    const admin = await createActor({ role: "ADMIN" });
    const official = await createDraftGpt(admin, { name: "Atelier guide" });
    expect((await publishAs(admin, official.id)).listing?.status).toBe("LISTED");
  });

  it("flags another owner's near-duplicate of a listed GPT, not the owner's own republish", async () => {
    const description =
      "Plans a week of family meals from what is in your fridge, with a shopping list.";
    const original = await createDraftGpt(owner, { name: "Fridge Meal Planner", description });
    expect((await publishAs(owner, original.id)).listing?.status).toBe("LISTED");
    expect((await publishAs(owner, original.id)).listing?.status).toBe("LISTED");

    const copier = await createActor({ name: "Copy Cat" });
    const copy = await createDraftGpt(copier, {
      name: "Fridge Meal Planner Pro",
      description: "Plans a week of family meals from what is in your fridge, with shopping lists.",
    });
    const published = await publishAs(copier, copy.id);
    expect(published.listing?.status).toBe("IN_REVIEW");
    expect(published.listing?.findings).toEqual([
      `The name and description are nearly the same as “Fridge Meal Planner” by ${owner.name}, already in the store.`,
    ]);
    expect((await pendingReviewOf(copy.id)).flags).toMatchObject([{ check: "near-duplicate" }]);
  });

  it("flags copied instructions under another name, and a name close to a verified creator's GPT", async () => {
    const instructions = [
      "You are a patient tax assistant for freelancers in the Netherlands.",
      "Ask for the quarter, the invoices sent and the business costs, then explain which VAT to declare,",
      "what can be deducted and when the return is due. Never give legal advice; point to the",
      "Belastingdienst for anything unusual and keep every answer under two hundred words.",
    ].join(" ");
    const original = await createDraftGpt(owner, { name: "Dutch Freelance Tax", instructions });
    expect((await publishAs(owner, original.id)).listing?.status).toBe("LISTED");
    const copier = await createActor({ name: "Copy Cat" });
    const copy = await createDraftGpt(copier, {
      name: "VAT Buddy",
      instructions: instructions.replace("two hundred", "three hundred"),
    });
    const copied = await publishAs(copier, copy.id);
    expect(copied.listing).toEqual({
      status: "IN_REVIEW",
      findings: [
        `The instructions are nearly the same as those of “Dutch Freelance Tax” by ${owner.name}, already in the store.`,
      ],
    });
    // Instructions on the same topic, written independently, are not a copy.
    const writer = await createActor();
    const independent = await createDraftGpt(writer, {
      name: "Freelancer Bookkeeping",
      instructions:
        "Help freelancers keep their books: sort receipts into categories, remind them of deadlines, and draft a simple profit and loss summary each month. Ask before assuming the country they work in, and suggest an accountant for complex cases such as employees or property.",
    });
    expect((await publishAs(writer, independent.id)).listing?.status).toBe("LISTED");

    const acme = await createActor({ name: "Acme" });
    const official = await createDraftGpt(acme, { name: "Acme Support" });
    expect((await publishAs(acme, official.id)).listing?.status).toBe("LISTED");
    await prisma.builderProfile.update({
      where: { userId: acme.id },
      data: { verifiedDomain: "acme.com", domainVerifiedAt: new Date() },
    });
    const lookalike = await createDraftGpt(copier, { name: "Acme Support Bot" });
    expect((await publishAs(copier, lookalike.id)).listing).toEqual({
      status: "IN_REVIEW",
      findings: ["The name is close to “Acme Support” by Acme, a creator verified as acme.com."],
    });
  });

  it("ALL_PUBLIC puts every public publish in review, new versions of listed GPTs too, but not link-only ones", async () => {
    await setModerationSettings({ listingReviewPolicy: "ALL_PUBLIC" });
    const linkOnly = await createDraftGpt(owner);
    expect((await publishAs(owner, linkOnly.id, "LINK")).listing).toBeNull();
    expect(await reviewsOf(linkOnly.id)).toEqual([]);

    const gpt = await createDraftGpt(owner);
    expect((await publishAs(owner, gpt.id)).listing).toEqual({ status: "IN_REVIEW", findings: [] });
    const [notice] = await notificationsOf(owner.id);
    expect(notice.body).toContain("Every public listing on this store is reviewed by a moderator");
    await approveListingReview({
      actor: moderator,
      reviewId: (await pendingReviewOf(gpt.id)).id,
      input: {},
    });
    expect((await gptState(gpt.id)).status).toBe("ACTIVE");

    const next = await publishAs(owner, gpt.id);
    expect(next.listing?.status).toBe("IN_REVIEW");
    expect((await pendingReviewOf(gpt.id)).versionId).toBe(next.versionId);

    // Switching a published link-only GPT to Public is a new public listing as well.
    const switched = await setGptVisibility({
      actor: owner,
      gptId: linkOnly.id,
      input: { visibility: "PUBLIC" },
    });
    expect(switched.listing?.status).toBe("IN_REVIEW");
    expect((await gptState(linkOnly.id)).status).toBe("IN_REVIEW");
  });

  it("keeps a waiting listing in review when a new version is published, updating the review to it", async () => {
    const gpt = await createDraftGpt(owner, { name: "Casino nights" });
    const first = await publishAs(owner, gpt.id);
    await editDraft(gpt.id, { name: "Board game nights" });
    const second = await publishAs(owner, gpt.id);
    expect(second.listing).toEqual({ status: "IN_REVIEW", findings: [] });
    const reviews = await reviewsOf(gpt.id);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ status: "PENDING", versionId: second.versionId, flags: [] });
    expect(second.versionId).not.toBe(first.versionId);
    // One notification for the one submission.
    expect(await notificationsOf(owner.id)).toHaveLength(1);
  });

  it("does not send a version back to review for a finding a moderator already approved", async () => {
    const gpt = await createDraftGpt(owner, { name: "Claude fan club" });
    await publishAs(owner, gpt.id);
    await approveListingReview({
      actor: moderator,
      reviewId: (await pendingReviewOf(gpt.id)).id,
      input: { note: "The owner runs the fan club." },
    });
    expect((await publishAs(owner, gpt.id)).listing?.status).toBe("LISTED");
    await editDraft(gpt.id, { description: "Casino tips for fans." });
    expect((await publishAs(owner, gpt.id)).listing?.status).toBe("IN_REVIEW");
  });

  it("never changes an UNLISTED or REMOVED GPT's status when it is published or made public", async () => {
    const gpt = await createDraftGpt(owner, { name: "Casino helper" });
    await publishAs(owner, gpt.id, "LINK");
    await prisma.gpt.update({ where: { id: gpt.id }, data: { status: "UNLISTED" } });
    expect((await publishAs(owner, gpt.id)).listing).toEqual({ status: "UNLISTED", findings: [] });
    await setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "LINK" } });
    await setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
    expect((await gptState(gpt.id)).status).toBe("UNLISTED");
    expect(await reviewsOf(gpt.id)).toEqual([]);
  });
});

describe("[LISTING REVIEW]: moderators decide", () => {
  it("approve lists the GPT (store search finds it), records the decision and audit row, and notifies", async () => {
    const gpt = await createDraftGpt(owner, { name: "Casino Zebra Quiz" });
    await publishAs(owner, gpt.id);
    expect((await searchGpts({ query: "zebra quiz" })).results).toEqual([]);
    const review = await pendingReviewOf(gpt.id);

    setSessionActor(moderator);
    const response = await decideRoute("approve", review.id, { note: "Fine: it is a quiz." });
    expect(response.status).toBe(200);
    expect((await response.json()).result).toMatchObject({
      status: "APPROVED",
      gptStatus: "ACTIVE",
    });

    expect((await gptState(gpt.id)).status).toBe("ACTIVE");
    expect((await searchGpts({ query: "zebra quiz" })).results.map((r) => r.id)).toEqual([gpt.id]);
    const decided = await prisma.listingReview.findUniqueOrThrow({
      where: { id: review.id },
      include: { decision: true },
    });
    expect(decided).toMatchObject({ status: "APPROVED", decidedAt: expect.any(Date) });
    expect(decided.decision).toMatchObject({
      kind: "APPROVE",
      reason: "Fine: it is a quiz.",
      decidedById: moderator.id,
    });
    expect(
      await prisma.auditLog.findFirst({
        where: { action: "listing.approve", targetId: gpt.id, actorId: moderator.id },
      }),
    ).not.toBeNull();
    const notice = (await notificationsOf(owner.id)).at(-1);
    expect(notice).toMatchObject({ kind: "listing.approved", href: `/gpts/${gpt.id}/edit` });
    expect(notice?.body).toContain("Fine: it is a quiz.");
  });

  it("reject needs a reason of 10+ characters, keeps the GPT unlisted and notifies with the reason", async () => {
    const gpt = await createDraftGpt(owner, { name: "Casino strategy" });
    await publishAs(owner, gpt.id);
    const review = await pendingReviewOf(gpt.id);

    setSessionActor(moderator);
    const missing = await decideRoute("reject", review.id, {});
    expect(missing.status).toBe(400);
    const short = await decideRoute("reject", review.id, { reason: "  No.   " });
    expect(short.status).toBe(400);
    expect((await short.json()).error.fieldErrors.reason).toEqual([
      "Explain the reason in at least 10 characters: the creator needs it to fix the listing.",
    ]);
    expect((await gptState(gpt.id)).status).toBe("IN_REVIEW");

    const reason = "Gambling advice is not allowed in this store.";
    const rejected = await decideRoute("reject", review.id, { reason });
    expect(rejected.status).toBe(200);
    expect((await gptState(gpt.id)).status).toBe("REJECTED");
    expect(await listedGptIds()).not.toContain(gpt.id);
    expect(
      await prisma.moderationDecision.findFirst({ where: { gptId: gpt.id, kind: "REJECT" } }),
    ).toMatchObject({ reason, decidedById: moderator.id });
    expect(
      await prisma.auditLog.findFirst({ where: { action: "listing.reject", targetId: gpt.id } }),
    ).toMatchObject({ data: expect.objectContaining({ reason }) });
    const notice = (await notificationsOf(owner.id)).at(-1);
    expect(notice).toMatchObject({ kind: "listing.rejected" });
    expect(notice?.body).toContain(reason);
  });

  it("two moderators deciding at once: one decision lands, the other gets 409 already decided", async () => {
    const gpt = await createDraftGpt(owner, { name: "Casino trivia" });
    await publishAs(owner, gpt.id);
    const review = await pendingReviewOf(gpt.id);
    const other = await createActor({ role: "ADMIN" });
    const results = await Promise.allSettled([
      approveListingReview({ actor: moderator, reviewId: review.id, input: {} }),
      rejectListingReview({
        actor: other,
        reviewId: review.id,
        input: { reason: "Not suitable for the store." },
      }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((result) => result.status === "rejected");
    expect(failed?.reason).toMatchObject({
      code: "conflict",
      message: "This listing was already decided by another moderator.",
    });
    expect(await prisma.moderationDecision.count({ where: { gptId: gpt.id } })).toBe(1);

    setSessionActor(moderator);
    const again = await decideRoute("approve", review.id, {});
    expect(again.status).toBe(409);
  });

  it("the queue lists pending reviews oldest first with their findings, and decisions under Decided", async () => {
    const first = await createDraftGpt(owner, { name: "Casino one" });
    await publishAs(owner, first.id);
    const second = await createDraftGpt(owner, { name: "Casino two" });
    await publishAs(owner, second.id);
    const page = await listListingReviews({ actor: moderator, filter: "pending" });
    const ids = page.reviews.map((row) => row.gpt.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const row = page.reviews.find((entry) => entry.gpt.id === first.id);
    expect(row).toMatchObject({
      flags: [{ check: "blocked-term", message: "The name uses “casino”, a blocked term." }],
      listing: { versionNumber: 1, conversationStarters: ["Hello"], actionDomains: [] },
      gpt: { name: "Casino one", status: "IN_REVIEW", creatorEmail: owner.email },
    });
    await rejectListingReview({
      actor: moderator,
      reviewId: row?.id ?? "",
      input: { reason: "Gambling is not allowed here." },
    });
    const decided = await listListingReviews({ actor: moderator, filter: "decided" });
    expect(decided.reviews[0]).toMatchObject({
      id: row?.id,
      status: "REJECTED",
      decision: { kind: "REJECT", reason: "Gambling is not allowed here." },
    });
    expect(decided.pendingCount).toBe(page.pendingCount - 1);
  });

  it("a USER gets 403 and a signed-out visitor 401 on the moderator routes; a moderator gets the queue", async () => {
    const gpt = await createDraftGpt(owner, { name: "Casino cards" });
    await publishAs(owner, gpt.id);
    const review = await pendingReviewOf(gpt.id);
    const list = () => queueRoute(appRequest("/api/admin/reviews?status=pending"), segment({}));
    for (const [actor, status] of [
      [null, 401],
      [owner, 403],
    ] as const) {
      setSessionActor(actor);
      expect((await list()).status).toBe(status);
      expect((await decideRoute("approve", review.id, {})).status).toBe(status);
      expect((await decideRoute("reject", review.id, { reason: "Because I say so." })).status).toBe(
        status,
      );
    }
    expect((await gptState(gpt.id)).status).toBe("IN_REVIEW");
    setSessionActor(moderator);
    const listed = await list();
    expect(listed.status).toBe(200);
    const body = await listed.json();
    expect(body.reviews.some((row: { id: string }) => row.id === review.id)).toBe(true);
    const count = await queueRoute(appRequest("/api/admin/reviews?count=pending"), segment({}));
    expect((await count.json()).pendingCount).toBe(body.pendingCount);
  });
});

describe("[LISTING REVIEW]: resubmitting and withdrawing", () => {
  async function rejectedGpt() {
    const gpt = await createDraftGpt(owner, { name: "Casino coach" });
    const published = await publishAs(owner, gpt.id);
    await rejectListingReview({
      actor: moderator,
      reviewId: (await pendingReviewOf(gpt.id)).id,
      input: { reason: "Gambling coaching is not allowed." },
    });
    return { gpt, published };
  }

  it("republishing a rejected GPT resubmits it, clean or not, and approval then lists it", async () => {
    const { gpt } = await rejectedGpt();
    await editDraft(gpt.id, { name: "Chess coach" });
    const republished = await publishAs(owner, gpt.id);
    expect(republished.listing).toEqual({ status: "IN_REVIEW", findings: [] });
    const reviews = await reviewsOf(gpt.id);
    expect(reviews.map((review) => review.status)).toEqual(["REJECTED", "PENDING"]);
    expect(reviews[1].versionId).toBe(republished.versionId);
    await approveListingReview({ actor: moderator, reviewId: reviews[1].id, input: {} });
    expect(await listedGptIds()).toContain(gpt.id);
  });

  it("POST /api/gpts/[id]/resubmit needs a note or a new version, and only the owner's rejected listing", async () => {
    const { gpt } = await rejectedGpt();
    const resubmit = (actor: Actor, body: unknown, id = gpt.id) => {
      setSessionActor(actor);
      return resubmitRoute(appRequest("/api/test", { method: "POST", body }), segment({ id }));
    };
    const stranger = await createActor();
    expect((await resubmit(stranger, { note: "Please look again." })).status).toBe(404);
    const bare = await resubmit(owner, {});
    expect(bare.status).toBe(400);
    expect((await bare.json()).error.fieldErrors.note).toEqual([
      "Tell the moderators what you changed or why the listing should be approved, or publish a new version.",
    ]);
    expect((await gptState(gpt.id)).status).toBe("REJECTED");

    const note = "It teaches the maths of odds, not betting.";
    const ok = await resubmit(owner, { note });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "IN_REVIEW" });
    expect((await gptState(gpt.id)).status).toBe("IN_REVIEW");
    expect((await pendingReviewOf(gpt.id)).flags).toEqual([
      { check: "blocked-term", message: "The name uses “casino”, a blocked term." },
      { check: "creator-note", message: note },
    ]);
    expect((await resubmit(owner, { note })).status).toBe(409);
  });

  it("going private, unpublishing or deleting withdraws a pending review and leaves the GPT ACTIVE (unlisted anyway)", async () => {
    const flagged = async () => {
      const gpt = await createDraftGpt(owner, { name: "Casino lounge" });
      await publishAs(owner, gpt.id);
      return gpt;
    };
    const privateOne = await flagged();
    await setGptVisibility({
      actor: owner,
      gptId: privateOne.id,
      input: { visibility: "PRIVATE" },
    });
    const linkOne = await flagged();
    await publishAs(owner, linkOne.id, "LINK");
    const unpublished = await flagged();
    await unpublishGpt({ actor: owner, gptId: unpublished.id });
    const deleted = await flagged();
    await deleteGpt({ actor: owner, gptId: deleted.id });

    for (const gpt of [privateOne, linkOne, unpublished, deleted]) {
      expect((await gptState(gpt.id)).status).toBe("ACTIVE");
      expect((await reviewsOf(gpt.id)).map((review) => review.status)).toEqual(["WITHDRAWN"]);
    }
    expect(await listedGptIds()).not.toContain(linkOne.id);
    const queue = await listListingReviews({ actor: moderator, filter: "pending" });
    expect(queue.reviews.map((row) => row.gpt.id)).not.toContain(privateOne.id);

    // Public again: a new submission, flagged again.
    await setGptVisibility({ actor: owner, gptId: privateOne.id, input: { visibility: "PUBLIC" } });
    expect((await gptState(privateOne.id)).status).toBe("IN_REVIEW");
  });
});
