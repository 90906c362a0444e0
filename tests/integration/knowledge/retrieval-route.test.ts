import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as searchRoute } from "@/app/api/gpts/[id]/knowledge/search/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createActor, createPublishedGpt } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { createReadyFile, setVersionFiles } from "./retrieval-helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let owner: Actor;
let other: Actor;
let gptId: string;

function search(id: string, body: unknown) {
  return searchRoute(
    appRequest(`/api/gpts/${id}/knowledge/search`, { method: "POST", body }),
    segment({ id }),
  );
}

beforeAll(async () => {
  owner = await createActor();
  other = await createActor();
  const gpt = await createPublishedGpt(owner, { name: "Console" });
  gptId = gpt.id;
  const { publishedVersionId } = await prisma.gpt.findUniqueOrThrow({ where: { id: gptId } });
  const live = await createReadyFile({
    owner,
    gptId,
    name: "live.txt",
    passages: ["The kiwi orchard is harvested in May.", "Tractors are serviced in winter."],
    inDraft: false,
  });
  await createReadyFile({
    owner,
    gptId,
    name: "draft.txt",
    passages: ["The kiwi jam recipe needs lime."],
  });
  await setVersionFiles(publishedVersionId!, [live.id]);
});

describe("[KNOWLEDGE]: retrieval console API", () => {
  it("the owner searches the draft by default, or the published version", async () => {
    setSessionActor(owner);
    const draft = await search(gptId, { query: "kiwi", minScore: 0 });
    expect(draft.status).toBe(200);
    const draftBody = await draft.json();
    expect(draftBody.mode).toBe("lexical");
    expect(typeof draftBody.tookMs).toBe("number");
    expect(draftBody.results.map((r: { fileName: string }) => r.fileName)).toEqual(["draft.txt"]);
    expect(draftBody.results[0]).toMatchObject({
      rank: 1,
      text: "The kiwi jam recipe needs lime.",
    });

    const published = await search(gptId, {
      query: "kiwi",
      source: "published",
      topK: 5,
      minScore: 0,
    });
    const publishedBody = await published.json();
    expect(publishedBody.results.map((r: { fileName: string }) => r.fileName)).toEqual([
      "live.txt",
    ]);
  });

  it("answers 404 to other users and 401 when signed out; 400 for an empty query", async () => {
    setSessionActor(other);
    const forbidden = await search(gptId, { query: "kiwi" });
    expect(forbidden.status).toBe(404);
    expect(JSON.stringify(await forbidden.json())).not.toContain("kiwi");
    setSessionActor(null);
    expect((await search(gptId, { query: "kiwi" })).status).toBe(401);
    setSessionActor(owner);
    expect((await search(gptId, { query: "  " })).status).toBe(400);
    expect((await search("missing", { query: "kiwi" })).status).toBe(404);
  });
});
