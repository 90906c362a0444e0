import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as listRoute } from "@/app/api/conversations/route";
import type { Actor } from "@/lib/auth/session";
import { listConversationPage } from "@/lib/chat/conversation-page";
import { prisma } from "@/lib/db";
import { createActor, createPublishedGpt } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { createConversation } from "./share-helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let user: Actor;
let other: Actor;

beforeAll(async () => {
  const owner = await createActor();
  user = await createActor();
  other = await createActor();
  const gpt = await createPublishedGpt(owner, { name: "Search GPT" });
  const titles = ["Paris trip", "Budget for PARIS", "Tax return", "Dinner ideas", "paris again"];
  for (const [index, title] of titles.entries()) {
    const conversation = await createConversation(user, gpt, { title });
    // Distinct times, newest last in the list above.
    await prisma.conversation.update({
      where: { id: conversation.id },
      data: { updatedAt: new Date(Date.UTC(2026, 10, 1 + index)) },
    });
  }
  await createConversation(other, gpt, { title: "Paris (someone else's)" });
  const preview = await createConversation(user, gpt, { title: "Paris preview", isPreview: true });
  expect(preview.isPreview).toBe(true);
});
beforeEach(() => setSessionActor(user));

const titlesOf = (page: { conversations: { title: string }[] }) =>
  page.conversations.map((conversation) => conversation.title);

describe("[CHAT]: conversation search and paging", () => {
  it("matches titles case-insensitively, only the actor's store conversations, newest first", async () => {
    const page = await listConversationPage({ actor: user, q: "paris" });
    expect(titlesOf(page)).toEqual(["paris again", "Budget for PARIS", "Paris trip"]);
    expect(page.nextCursor).toBeNull();
    expect(titlesOf(await listConversationPage({ actor: user, q: "zebra" }))).toEqual([]);
    // LIKE wildcards are searched for literally.
    expect(titlesOf(await listConversationPage({ actor: user, q: "%" }))).toEqual([]);
    expect(titlesOf(await listConversationPage({ actor: user, q: "p_ris" }))).toEqual([]);
  });

  it("pages with a cursor without repeating or skipping a conversation", async () => {
    const first = await listConversationPage({ actor: user, limit: 2 });
    expect(titlesOf(first)).toEqual(["paris again", "Dinner ideas"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listConversationPage({ actor: user, limit: 2, cursor: first.nextCursor! });
    expect(titlesOf(second)).toEqual(["Tax return", "Budget for PARIS"]);
    const third = await listConversationPage({ actor: user, limit: 2, cursor: second.nextCursor! });
    expect(titlesOf(third)).toEqual(["Paris trip"]);
    expect(third.nextCursor).toBeNull();
  });

  it("GET /api/conversations searches and pages, rejects a bad cursor, and needs a session", async () => {
    const get = (query: string) => listRoute(appRequest(`/api/conversations${query}`), segment({}));
    const page = await (await get("?q=PARIS&limit=2")).json();
    expect(titlesOf(page)).toEqual(["paris again", "Budget for PARIS"]);
    const next = await (await get(`?q=PARIS&limit=2&cursor=${page.nextCursor}`)).json();
    expect(titlesOf(next)).toEqual(["Paris trip"]);

    expect((await get("?cursor=not-a-cursor")).status).toBe(400);
    expect((await get("?limit=0")).status).toBe(400);

    setSessionActor(other);
    expect(titlesOf(await (await get("?q=paris")).json())).toEqual(["Paris (someone else's)"]);
    setSessionActor(null);
    expect((await get("")).status).toBe(401);
  });
});
