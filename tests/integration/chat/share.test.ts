import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DELETE as revokeRoute,
  POST as shareRoute,
  GET as shareStatusRoute,
} from "@/app/api/conversations/[id]/share/route";
import type { Actor } from "@/lib/auth/session";
import { createShare } from "@/lib/chat/share/create-share";
import { getSharedConversation, listMyShares } from "@/lib/chat/share/share-queries";
import { prisma } from "@/lib/db";
import { createActor, createPublishedGpt } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { addMessage, createConversation } from "./share-helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let owner: Actor;
let user: Actor;
let stranger: Actor;
let admin: Actor;
let gpt: { id: string; slug: string };

beforeAll(async () => {
  owner = await createActor();
  user = await createActor();
  stranger = await createActor();
  admin = await createActor({ role: "ADMIN" });
  gpt = await createPublishedGpt(owner, { name: "Trail Buddy" });
});
beforeEach(() => setSessionActor(user));

async function conversationWithTwoTurns() {
  const conversation = await createConversation(user, gpt);
  await addMessage(conversation.id, "USER", "Plan a hike");
  await addMessage(conversation.id, "ASSISTANT", "Try the ridge trail.");
  return conversation;
}

const texts = (shared: Awaited<ReturnType<typeof getSharedConversation>>) =>
  shared?.messages.map((m) => m.parts.map((p) => (p.type === "text" ? p.text : "")).join(""));

const viewOf = (token: string) => getSharedConversation({ token, viewer: null });

describe("[CHAT]: sharing a conversation", () => {
  it("the copy excludes messages sent after sharing; sharing again refreshes it under the same link", async () => {
    const conversation = await conversationWithTwoTurns();
    const first = await createShare({ actor: user, conversationId: conversation.id });
    await addMessage(conversation.id, "USER", "And tomorrow?");
    const later = await addMessage(conversation.id, "ASSISTANT", "Rain tomorrow.");

    const shared = await viewOf(first.token);
    expect(shared?.title).toBe("Trip plans");
    expect(shared?.gpt).toMatchObject({ name: "Trail Buddy", slug: gpt.slug });
    expect(texts(shared)).toEqual(["Plan a hike", "Try the ridge trail."]);

    const second = await createShare({ actor: user, conversationId: conversation.id });
    expect(second.token).toBe(first.token);
    expect(second.lastMessageId).toBe(later.id);
    expect(texts(await viewOf(first.token))).toEqual([
      "Plan a hike",
      "Try the ridge trail.",
      "And tomorrow?",
      "Rain tomorrow.",
    ]);
  });

  it("revoking makes the link 404 for good; sharing again makes a new token", async () => {
    const conversation = await conversationWithTwoTurns();
    const { token } = await createShare({ actor: user, conversationId: conversation.id });
    setSessionActor(user);
    const revoked = await revokeRoute(
      appRequest(`/api/conversations/${conversation.id}/share`, { method: "DELETE" }),
      segment({ id: conversation.id }),
    );
    expect(revoked.status).toBe(200);
    expect(await viewOf(token)).toBeNull();
    expect(await listMyShares({ actor: user })).not.toContainEqual(
      expect.objectContaining({ token }),
    );

    const again = await createShare({ actor: user, conversationId: conversation.id });
    expect(again.token).not.toBe(token);
    expect(await viewOf(token)).toBeNull();
    expect(await viewOf(again.token)).not.toBeNull();
  });

  it("drops action calls to a 'Used <host>' line and hides file names when the GPT hides its sources", async () => {
    const secretGpt = await createPublishedGpt(owner, { name: "Quiet Sources" });
    const conversation = await createConversation(user, secretGpt);
    await addMessage(conversation.id, "USER", "What's my balance?");
    await addMessage(conversation.id, "ASSISTANT", [
      {
        type: "data-action-call",
        id: "call-1",
        data: {
          toolCallId: "call-1",
          actionId: "a1",
          domain: "api.bank.example",
          operation: "getBalance",
          method: "GET",
          state: "done",
          request: {
            method: "GET",
            url: "https://api.bank.example/accounts/ACC-SECRET-42",
            body: null,
          },
          isConsequential: false,
          result: { status: 200, body: '{"balance":"SECRET-BALANCE"}' },
        },
      },
      { type: "text", text: "Your balance is fine [1]." },
      {
        type: "data-citations",
        data: {
          citations: [
            {
              n: 1,
              chunkId: "chunk-1",
              fileId: "file-1",
              fileName: "private-ledger.pdf",
              page: 3,
              heading: "Balances",
              quote: "Balances are fine.",
            },
          ],
        },
      },
      { type: "tool-call", toolName: "x", input: { token: "SECRET-TOOL" } },
    ]);
    await prisma.gptVersion.updateMany({
      where: { gptId: secretGpt.id },
      data: { hideKnowledgeSources: true },
    });

    const { token } = await createShare({ actor: user, conversationId: conversation.id });
    const stored = JSON.stringify(
      (await prisma.conversationShare.findUniqueOrThrow({ where: { token } })).messages,
    );
    for (const secret of [
      "ACC-SECRET-42",
      "SECRET-BALANCE",
      "SECRET-TOOL",
      "private-ledger.pdf",
      "file-1",
    ]) {
      expect(stored).not.toContain(secret);
    }
    const answer = (await viewOf(token))?.messages[1];
    expect(answer?.parts).toEqual([
      { type: "data-action-used", data: { host: "api.bank.example" } },
      { type: "text", text: "Your balance is fine [1]." },
      {
        type: "data-citations",
        data: {
          citations: [
            expect.objectContaining({ n: 1, fileName: null, page: 3, quote: "Balances are fine." }),
          ],
        },
      },
    ]);
  });

  it("keeps file names when the GPT shows its sources", async () => {
    const conversation = await createConversation(user, gpt);
    await addMessage(conversation.id, "USER", "Source?");
    await addMessage(conversation.id, "ASSISTANT", [
      { type: "text", text: "See [1]." },
      {
        type: "data-citations",
        data: {
          citations: [
            {
              n: 1,
              chunkId: "c",
              fileId: "f",
              fileName: "guide.md",
              page: null,
              heading: null,
              quote: "q",
            },
          ],
        },
      },
    ]);
    const { token } = await createShare({ actor: user, conversationId: conversation.id });
    expect(JSON.stringify((await viewOf(token))?.messages)).toContain("guide.md");
  });

  it("refuses builder previews and empty conversations", async () => {
    const preview = await createConversation(owner, gpt, { isPreview: true });
    await addMessage(preview.id, "USER", "Draft test");
    await expect(createShare({ actor: owner, conversationId: preview.id })).rejects.toMatchObject({
      code: "bad_request",
    });
    const empty = await createConversation(user, gpt);
    await expect(createShare({ actor: user, conversationId: empty.id })).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("deleting the conversation deletes its share", async () => {
    const conversation = await conversationWithTwoTurns();
    const { token } = await createShare({ actor: user, conversationId: conversation.id });
    await prisma.conversation.delete({ where: { id: conversation.id } });
    expect(await prisma.conversationShare.count({ where: { token } })).toBe(0);
    expect(await viewOf(token)).toBeNull();
  });

  it("hides the 'Chat with' link when the GPT is no longer viewable, but keeps the copy readable", async () => {
    const privateGpt = await createPublishedGpt(owner, { name: "Soon Private" });
    const conversation = await createConversation(user, privateGpt);
    await addMessage(conversation.id, "USER", "Hello");
    const { token } = await createShare({ actor: user, conversationId: conversation.id });
    await prisma.gpt.update({ where: { id: privateGpt.id }, data: { visibility: "PRIVATE" } });
    const shared = await viewOf(token);
    expect(shared?.gpt).toMatchObject({ name: "Soon Private", slug: null });
    expect(texts(shared)).toEqual(["Hello"]);
  });
});

describe("[CHAT]: share routes authorization", () => {
  it("only the owner can read, share or revoke; others get 404 and signed-out 401", async () => {
    const conversation = await conversationWithTwoTurns();
    const call = (method: "GET" | "POST" | "DELETE") => {
      const handler =
        method === "GET" ? shareStatusRoute : method === "POST" ? shareRoute : revokeRoute;
      return handler(
        appRequest(`/api/conversations/${conversation.id}/share`, { method }),
        segment({ id: conversation.id }),
      );
    };

    setSessionActor(null);
    for (const method of ["GET", "POST", "DELETE"] as const) {
      expect((await call(method)).status).toBe(401);
    }
    for (const other of [stranger, admin]) {
      setSessionActor(other);
      for (const method of ["GET", "POST", "DELETE"] as const) {
        expect((await call(method)).status).toBe(404);
      }
    }
    expect(
      await prisma.conversationShare.count({ where: { conversationId: conversation.id } }),
    ).toBe(0);

    setSessionActor(user);
    expect(await (await call("GET")).json()).toEqual({ isShareable: true, share: null });
    const created = await call("POST");
    expect(created.status).toBe(200);
    const { share } = await created.json();
    expect(share.path).toBe(`/share/${share.token}`);
    expect((await (await call("GET")).json()).share.token).toBe(share.token);

    // A stranger's revoke must not end the owner's link.
    setSessionActor(stranger);
    expect((await call("DELETE")).status).toBe(404);
    expect(await viewOf(share.token)).not.toBeNull();
  });

  it("POST refuses a preview conversation with 400", async () => {
    const preview = await createConversation(owner, gpt, { isPreview: true });
    await addMessage(preview.id, "USER", "Draft");
    setSessionActor(owner);
    const response = await shareRoute(
      appRequest(`/api/conversations/${preview.id}/share`, { method: "POST" }),
      segment({ id: preview.id }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/preview/i);
  });
});
