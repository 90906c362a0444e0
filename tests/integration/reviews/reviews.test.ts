import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createReview } from "@/lib/reviews/create-review";
import { deleteReview } from "@/lib/reviews/delete-review";
import { getGptReviews } from "@/lib/reviews/queries";
import { ratingPriorMean } from "@/lib/reviews/rating-score";
import { replyToReview } from "@/lib/reviews/reply-to-review";
import { updateReview } from "@/lib/reviews/update-review";
import { bayesianRating, DEFAULT_RATING_PRIOR_MEAN } from "@/lib/store/ranking";
import { setUserBanned } from "@/lib/users/set-user-banned";
import { expectAppError } from "../../support/app-error";
import { createActor, createPublishedGpt } from "../../support/factories";
import { chatWith, ratingOf } from "./helpers";

async function setup() {
  const owner = await createActor();
  const gpt = await createPublishedGpt(owner);
  const user = await createActor();
  return { owner, gpt, user };
}

describe("[REVIEWS]: who may rate a GPT", () => {
  it("refuses a user who never chatted with the GPT", async () => {
    const { gpt, user } = await setup();
    const error = await expectAppError(
      createReview({ actor: user, gptId: gpt.id, input: { rating: 5 } }),
      "forbidden",
    );
    expect(error.message).toBe("Chat with this GPT before rating it.");
    expect(await prisma.review.count({ where: { gptId: gpt.id } })).toBe(0);
  });

  it("does not count a draft preview conversation as having chatted", async () => {
    const { gpt, user } = await setup();
    await chatWith(user, gpt.id, { isPreview: true });
    await expectAppError(
      createReview({ actor: user, gptId: gpt.id, input: { rating: 4 } }),
      "forbidden",
    );
  });

  it("does not count a conversation without a finished answer", async () => {
    const { gpt, user } = await setup();
    await chatWith(user, gpt.id, { answer: false });
    await chatWith(user, gpt.id, { answer: "INTERRUPTED" });
    await expectAppError(
      createReview({ actor: user, gptId: gpt.id, input: { rating: 4 } }),
      "forbidden",
    );
    const page = await getGptReviews({ actor: user, gptId: gpt.id, page: 1 });
    expect(page.viewer).toMatchObject({
      canReview: false,
      reason: "Chat with this GPT before rating it.",
    });
  });

  it("lets a user who chatted rate once; a second review is a 409", async () => {
    const { gpt, user } = await setup();
    await chatWith(user, gpt.id);
    const review = await createReview({
      actor: user,
      gptId: gpt.id,
      input: { rating: 4, body: "  Helpful and quick.  " },
    });
    expect(review).toMatchObject({ rating: 4, body: "Helpful and quick.", isOwn: true });
    const error = await expectAppError(
      createReview({ actor: user, gptId: gpt.id, input: { rating: 1 } }),
      "conflict",
    );
    expect(error.message).toBe("You already reviewed this GPT — edit your review.");
    expect(await prisma.review.count({ where: { gptId: gpt.id } })).toBe(1);
  });

  it("refuses the creator rating their own GPT", async () => {
    const { owner, gpt } = await setup();
    await chatWith(owner, gpt.id);
    const error = await expectAppError(
      createReview({ actor: owner, gptId: gpt.id, input: { rating: 5 } }),
      "forbidden",
    );
    expect(error.message).toBe("You can't rate your own GPT.");
  });

  it("treats a removed or deleted GPT as not found", async () => {
    const { owner, gpt, user } = await setup();
    await chatWith(user, gpt.id);
    await prisma.gpt.update({ where: { id: gpt.id }, data: { status: "REMOVED" } });
    await expectAppError(
      createReview({ actor: user, gptId: gpt.id, input: { rating: 5 } }),
      "not_found",
    );
    await expectAppError(getGptReviews({ actor: user, gptId: gpt.id, page: 1 }), "not_found");
    // Its owner still opens the page (and its reviews), but nobody can rate it any more.
    const ownerView = await getGptReviews({ actor: owner, gptId: gpt.id, page: 1 });
    expect(ownerView.viewer).toMatchObject({
      canReview: false,
      reason: "This GPT was removed by an admin.",
    });
    await prisma.gpt.update({
      where: { id: gpt.id },
      data: { status: "ACTIVE", deletedAt: new Date() },
    });
    await expectAppError(getGptReviews({ actor: null, gptId: gpt.id, page: 1 }), "not_found");
  });

  it("stores an empty review text as null and refuses ratings outside 1-5 and overlong text", async () => {
    const { gpt, user } = await setup();
    await chatWith(user, gpt.id);
    const zero = await expectAppError(
      createReview({ actor: user, gptId: gpt.id, input: { rating: 0 } }),
      "bad_request",
    );
    expect(zero.fieldErrors?.rating).toEqual(["Choose a rating from 1 to 5 stars."]);
    const long = await expectAppError(
      createReview({ actor: user, gptId: gpt.id, input: { rating: 3, body: "x".repeat(2001) } }),
      "bad_request",
    );
    expect(long.fieldErrors?.body?.[0]).toContain("2,000");
    const review = await createReview({
      actor: user,
      gptId: gpt.id,
      input: { rating: 3, body: "   " },
    });
    expect(review.body).toBeNull();
  });
});

describe("[REVIEWS]: rating counters and score", () => {
  it("keeps count, sum and the Bayesian score in step through create, edit and delete", async () => {
    const { gpt, user } = await setup();
    const second = await createActor();
    await chatWith(user, gpt.id);
    await chatWith(second, gpt.id);

    await createReview({ actor: user, gptId: gpt.id, input: { rating: 4 } });
    expect(await ratingOf(gpt.id)).toEqual({
      ratingCount: 1,
      ratingSum: 4,
      ratingScore: bayesianRating({
        ratingSum: 4,
        ratingCount: 1,
        priorMean: await ratingPriorMean(prisma),
      }),
    });
    await createReview({ actor: second, gptId: gpt.id, input: { rating: 2 } });
    await updateReview({
      actor: user,
      gptId: gpt.id,
      input: { rating: 5, body: "Even better now" },
    });
    let rating = await ratingOf(gpt.id);
    expect(rating).toMatchObject({ ratingCount: 2, ratingSum: 7 });
    expect(rating.ratingScore).toBeCloseTo(
      bayesianRating({ ratingSum: 7, ratingCount: 2, priorMean: await ratingPriorMean(prisma) }),
    );

    await deleteReview({ actor: second, gptId: gpt.id });
    rating = await ratingOf(gpt.id);
    expect(rating).toMatchObject({ ratingCount: 1, ratingSum: 5 });
    await deleteReview({ actor: user, gptId: gpt.id });
    expect(await ratingOf(gpt.id)).toEqual({ ratingCount: 0, ratingSum: 0, ratingScore: 0 });
    await expectAppError(deleteReview({ actor: user, gptId: gpt.id }), "not_found");
  });

  it("stops counting and showing a banned user's reviews, and counts them again after an unban", async () => {
    const { gpt, user } = await setup();
    const spammer = await createActor();
    const admin = await createActor({ role: "ADMIN" });
    await chatWith(user, gpt.id);
    await chatWith(spammer, gpt.id);
    await createReview({ actor: user, gptId: gpt.id, input: { rating: 5 } });
    await createReview({ actor: spammer, gptId: gpt.id, input: { rating: 1, body: "Bad" } });
    expect(await ratingOf(gpt.id)).toMatchObject({ ratingCount: 2, ratingSum: 6 });

    await setUserBanned({ actor: admin, userId: spammer.id, banned: true, reason: "Spam" });
    expect(await ratingOf(gpt.id)).toMatchObject({ ratingCount: 1, ratingSum: 5 });
    const visible = await getGptReviews({ actor: null, gptId: gpt.id, page: 1 });
    expect(visible.summary.count).toBe(1);
    expect(visible.reviews.map((review) => review.rating)).toEqual([5]);

    await setUserBanned({ actor: admin, userId: spammer.id, banned: false });
    expect(await ratingOf(gpt.id)).toMatchObject({ ratingCount: 2, ratingSum: 6 });
    expect((await getGptReviews({ actor: null, gptId: gpt.id, page: 1 })).summary.count).toBe(2);
  });

  it("keeps the counters exact when many users rate at the same time", async () => {
    const { gpt } = await setup();
    const users = await Promise.all(Array.from({ length: 8 }, () => createActor()));
    for (const user of users) await chatWith(user, gpt.id);
    await Promise.all(
      users.map((user, index) =>
        createReview({ actor: user, gptId: gpt.id, input: { rating: (index % 5) + 1 } }),
      ),
    );
    const expectedSum = users.reduce((sum, _user, index) => sum + (index % 5) + 1, 0);
    expect(await ratingOf(gpt.id)).toMatchObject({ ratingCount: 8, ratingSum: expectedSum });
  });

  it("gives the same user's two simultaneous reviews one row and one 409", async () => {
    const { gpt, user } = await setup();
    await chatWith(user, gpt.id);
    const results = await Promise.allSettled([
      createReview({ actor: user, gptId: gpt.id, input: { rating: 5 } }),
      createReview({ actor: user, gptId: gpt.id, input: { rating: 1 } }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await ratingOf(gpt.id)).toMatchObject({ ratingCount: 1 });
  });

  it("uses the instance-wide mean as the prior, and the default before any rating", async () => {
    await prisma.review.deleteMany();
    await prisma.gpt.updateMany({ data: { ratingCount: 0, ratingSum: 0 } });
    expect(await ratingPriorMean(prisma)).toBe(DEFAULT_RATING_PRIOR_MEAN);
    const { gpt, user } = await setup();
    await chatWith(user, gpt.id);
    await createReview({ actor: user, gptId: gpt.id, input: { rating: 2 } });
    expect(await ratingPriorMean(prisma)).toBe(2);
  });
});

describe("[REVIEWS]: the creator's reply and the public list", () => {
  it("lets only the creator reply, once, and tells the reviewer (bell and email)", async () => {
    const { owner, gpt, user } = await setup();
    await chatWith(user, gpt.id);
    const review = await createReview({ actor: user, gptId: gpt.id, input: { rating: 3 } });
    const stranger = await createActor();
    await expectAppError(
      replyToReview({ actor: stranger, reviewId: review.id, input: { body: "Thanks!" } }),
      "forbidden",
    );
    await expectAppError(
      replyToReview({ actor: user, reviewId: review.id, input: { body: "Me again" } }),
      "forbidden",
    );
    const replied = await replyToReview({
      actor: owner,
      reviewId: review.id,
      input: { body: " Thanks! " },
    });
    expect(replied.creatorReply).toBe("Thanks!");
    const [notification] = await prisma.notification.findMany({ where: { userId: user.id } });
    expect(notification).toMatchObject({ kind: "review.replied", body: "Thanks!" });
    expect(notification.href).toMatch(/^\/g\//);
    const emails = await prisma.outboundEmail.findMany({
      where: { userId: user.id, kind: "notification" },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].text).toContain("Thanks!");
    const again = await expectAppError(
      replyToReview({ actor: owner, reviewId: review.id, input: { body: "Also…" } }),
      "conflict",
    );
    expect(again.message).toBe("You already replied to this review.");
    // The refused second reply notified nobody.
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(1);
  });

  it("shows a summary, names without emails, newest first, paged, and the viewer's own review", async () => {
    const { gpt, owner } = await setup();
    const reviewers = await Promise.all(Array.from({ length: 12 }, () => createActor()));
    await prisma.user.update({ where: { id: reviewers[0].id }, data: { name: null } });
    for (const [index, reviewer] of reviewers.entries()) {
      await chatWith(reviewer, gpt.id);
      await createReview({ actor: reviewer, gptId: gpt.id, input: { rating: index < 6 ? 5 : 4 } });
    }
    const first = await getGptReviews({ actor: null, gptId: gpt.id, page: 1 });
    expect(first.summary).toEqual({
      average: 4.5,
      count: 12,
      distribution: [
        { stars: 5, count: 6 },
        { stars: 4, count: 6 },
        { stars: 3, count: 0 },
        { stars: 2, count: 0 },
        { stars: 1, count: 0 },
      ],
    });
    expect(first.reviews).toHaveLength(10);
    expect(first.nextPage).toBe(2);
    expect(first.reviews[0].reviewerName).toBe(reviewers[11].name);
    expect(JSON.stringify(first)).not.toContain("@example.com");
    expect(first.viewer).toMatchObject({ canReview: false, reason: "Sign in to rate this GPT." });

    const second = await getGptReviews({ actor: reviewers[0], gptId: gpt.id, page: 2 });
    expect(second.reviews).toHaveLength(2);
    expect(second.nextPage).toBeNull();
    expect(second.reviews.at(-1)).toMatchObject({ reviewerName: "Atelier user", isOwn: true });
    expect(second.viewer.ownReview).toMatchObject({ rating: 5 });

    const creatorView = await getGptReviews({ actor: owner, gptId: gpt.id, page: 1 });
    expect(creatorView.viewer).toMatchObject({
      canReview: false,
      isCreator: true,
      reason: "You can't rate your own GPT.",
    });
  });
});
