import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as gptFeedbackRoute } from "@/app/api/gpts/[id]/feedback/route";
import {
  DELETE as deleteFeedbackRoute,
  PUT as putFeedbackRoute,
} from "@/app/api/messages/[id]/feedback/route";
import type { Actor } from "@/lib/auth/session";
import { getConversation } from "@/lib/chat/queries";
import { prisma } from "@/lib/db";
import { deleteMessageFeedback } from "@/lib/feedback/delete-message-feedback";
import { listGptFeedback } from "@/lib/feedback/queries";
import { setMessageFeedbackSchema } from "@/lib/feedback/schemas";
import { setMessageFeedback } from "@/lib/feedback/set-message-feedback";
import { expectAppError } from "../../support/app-error";
import { createActor, createPublishedGpt } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

beforeEach(() => setSessionActor(null));

/** A store conversation of `user` with a question and an answer (and, optionally, a preview). */
async function chatWithAnswer(user: Actor, options: { isPreview?: boolean } = {}) {
  const owner = await createActor({ name: "Creator" });
  const gpt = await createPublishedGpt(owner, { name: "Helper" });
  const { publishedVersionId } = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
  const conversation = await prisma.conversation.create({
    data: {
      userId: user.id,
      gptId: gpt.id,
      versionId: publishedVersionId,
      isPreview: options.isPreview ?? false,
      title: "Chat",
    },
  });
  const question = await prisma.message.create({
    data: { conversationId: conversation.id, role: "USER", parts: [{ type: "text", text: "Q?" }] },
  });
  const answer = await prisma.message.create({
    data: {
      conversationId: conversation.id,
      role: "ASSISTANT",
      parts: [{ type: "text", text: "The answer is   forty-two." }],
      versionId: publishedVersionId,
    },
  });
  return { owner, gpt, conversation, question, answer };
}

const rate = (input: unknown) => setMessageFeedbackSchema.parse(input);

describe("[FEEDBACK]: thumbs on an answer", () => {
  it("sets, changes and removes the owner's thumb, and the conversation shows it after reload", async () => {
    const user = await createActor();
    const { conversation, answer, gpt } = await chatWithAnswer(user);
    const messageId = answer.id;

    await setMessageFeedback({ actor: user, messageId, input: rate({ rating: "UP" }) });
    const reloaded = await getConversation({ actor: user, conversationId: conversation.id });
    expect(reloaded?.messages[1].metadata?.feedback).toEqual({ rating: "UP", comment: null });
    expect(reloaded?.messages[0].metadata?.feedback).toBeNull();

    await setMessageFeedback({
      actor: user,
      messageId,
      input: rate({ rating: "DOWN", comment: "  Too vague.  " }),
    });
    // Switching thumbs without a comment keeps the note.
    const switched = await setMessageFeedback({
      actor: user,
      messageId,
      input: rate({ rating: "UP" }),
    });
    expect(switched.feedback).toEqual({ rating: "UP", comment: "Too vague." });
    const row = await prisma.messageFeedback.findUniqueOrThrow({ where: { messageId } });
    expect(row).toMatchObject({ userId: user.id, gptId: gpt.id, rating: "UP" });
    expect(await prisma.messageFeedback.count({ where: { messageId } })).toBe(1);

    const cleared = await setMessageFeedback({
      actor: user,
      messageId,
      input: rate({ rating: "UP", comment: "" }),
    });
    expect(cleared.feedback.comment).toBeNull();

    await deleteMessageFeedback({ actor: user, messageId });
    expect(await prisma.messageFeedback.count({ where: { messageId } })).toBe(0);
    // Removing it again is not an error.
    await deleteMessageFeedback({ actor: user, messageId });
  });

  it("lets only the conversation's owner rate, only answers, and never previews", async () => {
    const user = await createActor();
    const stranger = await createActor();
    const { answer, question, owner } = await chatWithAnswer(user);
    await expectAppError(
      setMessageFeedback({ actor: stranger, messageId: answer.id, input: rate({ rating: "UP" }) }),
      "not_found",
    );
    // Not even the GPT's creator rates someone else's chat.
    await expectAppError(
      setMessageFeedback({ actor: owner, messageId: answer.id, input: rate({ rating: "UP" }) }),
      "not_found",
    );
    await expectAppError(
      deleteMessageFeedback({ actor: stranger, messageId: answer.id }),
      "not_found",
    );
    const own = await expectAppError(
      setMessageFeedback({ actor: user, messageId: question.id, input: rate({ rating: "DOWN" }) }),
      "bad_request",
    );
    expect(own.message).toContain("Only answers");
    const preview = await chatWithAnswer(user, { isPreview: true });
    await expectAppError(
      setMessageFeedback({
        actor: user,
        messageId: preview.answer.id,
        input: rate({ rating: "UP" }),
      }),
      "not_found",
    );
    expect(
      await prisma.messageFeedback.count({ where: { userId: { in: [user.id, stranger.id] } } }),
    ).toBe(0);
  });

  it("credits a reply from an @mentioned GPT to that GPT, not the conversation's", async () => {
    const user = await createActor();
    const { answer } = await chatWithAnswer(user);
    const otherCreator = await createActor();
    const other = await createPublishedGpt(otherCreator, { name: "Mentioned" });
    const { publishedVersionId } = await prisma.gpt.findUniqueOrThrow({ where: { id: other.id } });
    await prisma.message.update({
      where: { id: answer.id },
      data: { versionId: publishedVersionId },
    });
    await setMessageFeedback({
      actor: user,
      messageId: answer.id,
      input: rate({ rating: "DOWN" }),
    });
    const row = await prisma.messageFeedback.findUniqueOrThrow({ where: { messageId: answer.id } });
    expect(row.gptId).toBe(other.id);
    const list = await listGptFeedback({ actor: otherCreator, gptId: other.id });
    expect(list.totals).toEqual({ up: 0, down: 1 });
  });

  it("limits comments to 1,000 characters with a clear message", async () => {
    const user = await createActor();
    const { answer } = await chatWithAnswer(user);
    setSessionActor(user);
    const response = await putFeedbackRoute(
      appRequest(`/api/messages/${answer.id}/feedback`, {
        method: "PUT",
        body: { rating: "DOWN", comment: "x".repeat(1001) },
      }),
      segment({ id: answer.id }),
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.fieldErrors.comment).toEqual(["Comments are limited to 1,000 characters."]);
    const bad = await putFeedbackRoute(
      appRequest(`/api/messages/${answer.id}/feedback`, { method: "PUT", body: { rating: "MEH" } }),
      segment({ id: answer.id }),
    );
    expect((await bad.json()).error.fieldErrors.rating).toEqual([
      "Choose thumbs up or thumbs down.",
    ]);
    expect(await prisma.messageFeedback.count({ where: { messageId: answer.id } })).toBe(0);
    const ok = await putFeedbackRoute(
      appRequest(`/api/messages/${answer.id}/feedback`, {
        method: "PUT",
        body: { rating: "DOWN", comment: "y".repeat(1000) },
      }),
      segment({ id: answer.id }),
    );
    expect(ok.status).toBe(200);
  });
});

describe("[FEEDBACK]: the creator's list", () => {
  it("shows the thumbs, comments and answer excerpts to the creator only, never who rated", async () => {
    const user = await createActor();
    const second = await createActor();
    const { owner, gpt, answer } = await chatWithAnswer(user);
    await setMessageFeedback({
      actor: user,
      messageId: answer.id,
      input: rate({ rating: "DOWN", comment: "Wrong number" }),
    });
    const list = await listGptFeedback({ actor: owner, gptId: gpt.id });
    expect(list.totals).toEqual({ up: 0, down: 1 });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      rating: "DOWN",
      comment: "Wrong number",
      excerpt: "The answer is forty-two.",
    });
    expect(JSON.stringify(list)).not.toContain(user.id);
    expect(JSON.stringify(list)).not.toContain(user.email);
    await expectAppError(listGptFeedback({ actor: second, gptId: gpt.id }), "not_found");
    await expectAppError(listGptFeedback({ actor: user, gptId: gpt.id }), "not_found");
  });
});

describe("[FEEDBACK]: route authorization", () => {
  it("[AUTH] PUT/DELETE /api/messages/[id]/feedback: signed out 401, another user 404, owner 200", async () => {
    const user = await createActor();
    const stranger = await createActor();
    const { answer } = await chatWithAnswer(user);
    const params = segment({ id: answer.id });
    const put = () =>
      putFeedbackRoute(
        appRequest(`/api/messages/${answer.id}/feedback`, {
          method: "PUT",
          body: { rating: "UP" },
        }),
        params,
      );
    const del = () =>
      deleteFeedbackRoute(
        appRequest(`/api/messages/${answer.id}/feedback`, { method: "DELETE" }),
        params,
      );
    expect((await put()).status).toBe(401);
    expect((await del()).status).toBe(401);
    setSessionActor(stranger);
    expect((await put()).status).toBe(404);
    expect((await del()).status).toBe(404);
    setSessionActor(await createActor({ role: "ADMIN" }));
    expect((await put()).status).toBe(404);
    setSessionActor(user);
    const saved = await put();
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ feedback: { rating: "UP", comment: null } });
    expect((await del()).status).toBe(200);
    expect(await prisma.messageFeedback.count({ where: { messageId: answer.id } })).toBe(0);
  });

  it("[AUTH] GET /api/gpts/[id]/feedback: signed out 401, another user 404, creator and admin 200", async () => {
    const user = await createActor();
    const { owner, gpt } = await chatWithAnswer(user);
    const get = () =>
      gptFeedbackRoute(appRequest(`/api/gpts/${gpt.id}/feedback`), segment({ id: gpt.id }));
    expect((await get()).status).toBe(401);
    setSessionActor(user);
    expect((await get()).status).toBe(404);
    setSessionActor(owner);
    const mine = await get();
    expect(mine.status).toBe(200);
    expect(await mine.json()).toEqual({ totals: { up: 0, down: 0 }, items: [] });
    setSessionActor(await createActor({ role: "ADMIN" }));
    expect((await get()).status).toBe(200);
  });
});
