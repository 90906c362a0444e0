import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { deleteFileChunks, storeChunks } from "@/lib/knowledge/index/store-chunks";
import { searchKnowledge } from "@/lib/knowledge/retrieval/search-knowledge";
import { createActor, createPublishedGpt } from "../../support/factories";
import { createReadyFile, setVersionFiles } from "./retrieval-helpers";

const filler = [
  "The company handbook describes holidays, office hours and the coffee machine on floor two.",
  "Employees submit expense reports every month through the finance portal before the deadline.",
  "The office is closed on public holidays; the coffee machine is cleaned every Friday.",
  "Security badges must be worn at all times inside the office building and the parking lot.",
];

describe("[KNOWLEDGE]: retrieval", () => {
  let owner: Awaited<ReturnType<typeof createActor>>;
  let gptId: string;

  beforeAll(async () => {
    owner = await createActor();
    const gpt = await createPublishedGpt(owner, { name: "Handbook" });
    gptId = gpt.id;
  });

  it("stores a full-text vector and its length with every chunk", async () => {
    const file = await createReadyFile({
      owner,
      gptId,
      name: "lengths.txt",
      passages: [{ text: "Cats chase cats and mice.", heading: "Animals" }],
    });
    const [row] = await prisma.$queryRaw<{ len: number; vec: string }[]>`
      SELECT "searchLength" AS len, "searchVector"::text AS vec FROM "KnowledgeChunk" WHERE "fileId" = ${file.id}`;
    // animal, cat ×2, chase, mice: "and" is a stop word (its position still counts in the parser,
    // not in the vector's positions).
    expect(row.vec).toContain("'cat':2,4");
    expect(row.len).toBe(5);
    await deleteFileChunks(file.id);
    expect(await prisma.knowledgeChunk.count({ where: { fileId: file.id } })).toBe(0);
    await prisma.knowledgeFile.delete({ where: { id: file.id } });
  });

  it("BM25 ranks the passage with the rare query term first", async () => {
    const file = await createReadyFile({
      owner,
      gptId,
      name: "handbook.txt",
      passages: [
        ...filler,
        "Office holidays and office hours: the office opens at nine. Office office office.",
        "The zeppelin parking permit is issued by the office on request.",
      ],
    });
    const { results, mode } = await searchKnowledge({
      scope: { gptId, versionId: null },
      query: "How do I get a zeppelin permit for the office?",
      topK: 3,
      minScore: 0,
    });
    expect(mode).toBe("lexical");
    expect(results[0].text).toContain("zeppelin");
    expect(results[0]).toMatchObject({ fileId: file.id, fileName: "handbook.txt", rank: 1 });
    expect(results[0].relevance).toBeGreaterThan(0.1);
    expect(results[0].relevance).toBeLessThanOrEqual(1);
    expect(results[0].lexicalScore).toBeGreaterThan(results[1].lexicalScore ?? 0);
    expect(results.length).toBeLessThanOrEqual(3);
  });

  it("the default minimum relevance keeps an obviously relevant chunk and drops unrelated ones", async () => {
    const relevant = await searchKnowledge({
      scope: { gptId, versionId: null },
      query: "When are expense reports due?",
      topK: 5,
      minScore: 0.1,
    });
    expect(relevant.results[0]?.text).toContain("expense reports");
    const unrelated = await searchKnowledge({
      scope: { gptId, versionId: null },
      query: "quantum chromodynamics lattice",
      topK: 5,
      minScore: 0.1,
    });
    expect(unrelated.results).toEqual([]);
    const strict = await searchKnowledge({
      scope: { gptId, versionId: null },
      query: "When are expense reports due?",
      topK: 5,
      minScore: 0.99,
    });
    expect(strict.results).toEqual([]);
  });

  it("a version searches its own files: not draft-only ones, still ones removed from the draft", async () => {
    const gpt = await createPublishedGpt(owner, { name: "Versioned" });
    const version = (await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } }))
      .publishedVersionId!;
    const live = await createReadyFile({
      owner,
      gptId: gpt.id,
      name: "removed-from-draft.txt",
      passages: ["The aardvark manual explains burrows."],
      inDraft: false,
    });
    const draftOnly = await createReadyFile({
      owner,
      gptId: gpt.id,
      name: "draft-only.txt",
      passages: ["The aardvark appendix lists termite recipes."],
    });
    await setVersionFiles(version, [live.id]);
    const query = { query: "aardvark", topK: 5, minScore: 0 };
    const published = await searchKnowledge({
      scope: { gptId: gpt.id, versionId: version },
      ...query,
    });
    expect(published.results.map((result) => result.fileId)).toEqual([live.id]);
    const draft = await searchKnowledge({ scope: { gptId: gpt.id, versionId: null }, ...query });
    expect(draft.results.map((result) => result.fileId)).toEqual([draftOnly.id]);
    // Another GPT's files are never in scope, and neither are files still processing.
    await prisma.knowledgeFile.update({
      where: { id: draftOnly.id },
      data: { status: "PROCESSING" },
    });
    expect(
      (await searchKnowledge({ scope: { gptId: gpt.id, versionId: null }, ...query })).results,
    ).toEqual([]);
    expect(
      (await searchKnowledge({ scope: { gptId, versionId: null }, ...query })).results,
    ).toEqual([]);
  });

  it("stores large files in batches and reports progress", async () => {
    const gpt = await createPublishedGpt(owner, { name: "Big" });
    const file = await createReadyFile({ owner, gptId: gpt.id, name: "big.txt", passages: [] });
    const fractions: number[] = [];
    await storeChunks({
      fileId: file.id,
      gptId: gpt.id,
      chunks: Array.from({ length: 130 }, (_, ordinal) => ({
        ordinal,
        text: `Paragraph ${ordinal} about widget number w${ordinal}.`,
        tokenCount: 8,
        page: null,
        heading: null,
      })),
      onProgress: (fraction) => fractions.push(fraction),
    });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(2);
    const { results } = await searchKnowledge({
      scope: { gptId: gpt.id, versionId: null },
      query: "widget w77",
      topK: 1,
      minScore: 0,
    });
    expect(results[0].text).toContain("w77.");
  });
});
