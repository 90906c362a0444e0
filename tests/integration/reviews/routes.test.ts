import { beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as deleteMine, PATCH as patchMine } from "@/app/api/gpts/[id]/reviews/mine/route";
import { GET as listReviews, POST as postReview } from "@/app/api/gpts/[id]/reviews/route";
import { POST as postReply } from "@/app/api/reviews/[id]/reply/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createActor, createPublishedGpt } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { chatWith, ratingOf } from "./helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let owner: Actor;
let reviewer: Actor;
let stranger: Actor;
let gptId: string;

beforeEach(async () => {
  owner = await createActor();
  reviewer = await createActor();
  stranger = await createActor();
  gptId = (await createPublishedGpt(owner)).id;
  await chatWith(reviewer, gptId);
  setSessionActor(null);
});

async function reviewAs(actor: Actor, rating = 4) {
  setSessionActor(actor);
  const response = await postReview(
    appRequest("/api/test", { method: "POST", body: { rating, body: "Nice" } }),
    segment({ id: gptId }),
  );
  return { response, body: await response.json() };
}

describe("[REVIEWS]: review routes", () => {
  it("lists reviews for signed-out visitors and refuses their mutations with 401", async () => {
    const list = await listReviews(appRequest("/x?page=1"), segment({ id: gptId }));
    expect(list.status).toBe(200);
    expect((await list.json()).viewer).toMatchObject({
      canReview: false,
      reason: "Sign in to rate this GPT.",
    });

    const id = segment({ id: gptId });
    expect(
      (await postReview(appRequest("/api/test", { method: "POST", body: { rating: 5 } }), id))
        .status,
    ).toBe(401);
    expect(
      (await patchMine(appRequest("/api/test", { method: "PATCH", body: { rating: 5 } }), id))
        .status,
    ).toBe(401);
    expect((await deleteMine(appRequest("/api/test", { method: "DELETE" }), id)).status).toBe(401);
    expect(
      (
        await postReply(
          appRequest("/api/test", { method: "POST", body: { body: "Hi" } }),
          segment({ id: "x" }),
        )
      ).status,
    ).toBe(401);
  });

  it("creates with 200, refuses a duplicate with 409 and bad input with field errors", async () => {
    const first = await reviewAs(reviewer);
    expect(first.response.status).toBe(200);
    expect(first.body.review).toMatchObject({ rating: 4, body: "Nice" });
    const second = await reviewAs(reviewer, 2);
    expect(second.response.status).toBe(409);
    expect(second.body.error.message).toBe("You already reviewed this GPT — edit your review.");

    setSessionActor(reviewer);
    const bad = await patchMine(
      appRequest("/api/test", { method: "PATCH", body: { rating: 6 } }),
      segment({ id: gptId }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.rating).toEqual([
      "Choose a rating from 1 to 5 stars.",
    ]);
  });

  it("refuses the owner (403) and a user who never chatted (403)", async () => {
    const own = await reviewAs(owner);
    expect(own.response.status).toBe(403);
    expect(own.body.error.message).toBe("You can't rate your own GPT.");
    const never = await reviewAs(stranger);
    expect(never.response.status).toBe(403);
    expect(never.body.error.message).toBe("Chat with this GPT before rating it.");
  });

  it("edits and deletes only the caller's own review", async () => {
    await reviewAs(reviewer, 4);
    setSessionActor(stranger);
    const id = segment({ id: gptId });
    expect(
      (await patchMine(appRequest("/api/test", { method: "PATCH", body: { rating: 1 } }), id))
        .status,
    ).toBe(404);
    expect((await deleteMine(appRequest("/api/test", { method: "DELETE" }), id)).status).toBe(404);
    expect(await ratingOf(gptId)).toMatchObject({ ratingCount: 1, ratingSum: 4 });

    setSessionActor(reviewer);
    const edited = await patchMine(
      appRequest("/api/test", { method: "PATCH", body: { rating: 2, body: "" } }),
      id,
    );
    expect((await edited.json()).review).toMatchObject({ rating: 2, body: null });
    expect(await ratingOf(gptId)).toMatchObject({ ratingCount: 1, ratingSum: 2 });
    expect((await deleteMine(appRequest("/api/test", { method: "DELETE" }), id)).status).toBe(200);
    expect(await prisma.review.count({ where: { gptId } })).toBe(0);
  });

  it("lets only the creator reply (403 for others, 409 on a second reply)", async () => {
    const { body } = await reviewAs(reviewer);
    const reviewId = segment({ id: body.review.id });
    for (const actor of [reviewer, stranger]) {
      setSessionActor(actor);
      expect(
        (
          await postReply(
            appRequest("/api/test", { method: "POST", body: { body: "Thanks" } }),
            reviewId,
          )
        ).status,
      ).toBe(403);
    }
    setSessionActor(owner);
    const empty = await postReply(
      appRequest("/api/test", { method: "POST", body: { body: "  " } }),
      reviewId,
    );
    expect(empty.status).toBe(400);
    const reply = await postReply(
      appRequest("/api/test", { method: "POST", body: { body: "Thanks for trying it" } }),
      reviewId,
    );
    expect((await reply.json()).review.creatorReply).toBe("Thanks for trying it");
    expect(
      (
        await postReply(
          appRequest("/api/test", { method: "POST", body: { body: "Again" } }),
          reviewId,
        )
      ).status,
    ).toBe(409);
  });

  it("answers 404 for a private GPT the caller cannot view", async () => {
    await prisma.gpt.update({ where: { id: gptId }, data: { visibility: "PRIVATE" } });
    const list = await listReviews(appRequest("/api/test"), segment({ id: gptId }));
    expect(list.status).toBe(404);
    expect((await reviewAs(reviewer)).response.status).toBe(404);
  });
});
