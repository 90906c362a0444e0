import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { embedFileChunks, hasEmbeddingColumn } from "@/lib/knowledge/embeddings";
import { searchKnowledge } from "@/lib/knowledge/retrieval/search-knowledge";
import {
  getDefaultModel,
  listEnabledModels,
  resolveEmbeddingModel,
  resolveModel,
} from "@/lib/models/queries";
import { saveModel } from "@/lib/models/save-model";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createActor, createFakeModel, createPublishedGpt } from "../../support/factories";
import { createReadyFile } from "./retrieval-helpers";

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({});
});

afterAll(async () => {
  await fake.close();
});

async function createEmbeddingModel(isEnabled = true) {
  const admin = await createActor({ role: "ADMIN" });
  return saveModel({
    actor: admin,
    input: {
      displayName: "Fake embeddings",
      baseUrl: fake.url,
      modelId: "fake-embedding",
      apiKey: "sk-test",
      inputPricePerMillion: 0,
      outputPricePerMillion: 0,
      contextWindow: 8192,
      // Asking for the default must not make an embedding model answer chats.
      isDefault: true,
      isEnabled,
      isEgressExempt: true,
      isPremium: false,
      kind: "EMBEDDING",
    },
  });
}

describe("[KNOWLEDGE]: embedding models and hybrid retrieval", () => {
  it("chat pickers, the default and resolution ignore EMBEDDING models", async () => {
    const embedding = await createEmbeddingModel();
    expect(embedding).toMatchObject({ kind: "EMBEDDING", isDefault: false });
    expect(await getDefaultModel()).toBeNull();
    expect(await resolveModel(embedding.id)).toBeNull();
    const chat = await createFakeModel(fake.url);
    expect(chat).toMatchObject({ kind: "CHAT", isDefault: true });
    expect((await listEnabledModels()).map((model) => model.id)).toEqual([chat.id]);
    expect((await resolveModel(embedding.id))?.model.id).toBe(chat.id);
    // Not chosen in the instance settings yet.
    expect(await resolveEmbeddingModel()).toBeNull();
  });

  it("embeds chunks with the chosen model and fuses vector and BM25 rankings", async () => {
    const owner = await createActor();
    const gpt = await createPublishedGpt(owner, { name: "Hybrid" });
    const file = await createReadyFile({
      owner,
      gptId: gpt.id,
      name: "garden.txt",
      passages: [
        "Tomatoes need full sun and regular watering in summer.",
        "Roses are pruned in early spring before new growth.",
        "Compost improves clay soil over a few seasons.",
      ],
    });
    // Without an embedding model: a no-op, and lexical retrieval.
    await embedFileChunks(file.id);
    expect(await prisma.knowledgeChunk.count({ where: { embeddingModelId: { not: null } } })).toBe(
      0,
    );

    const model = await createEmbeddingModel();
    await prisma.instanceSettings.upsert({
      where: { id: 1 },
      create: { id: 1, embeddingModelConfigId: model.id },
      update: { embeddingModelConfigId: model.id },
    });
    expect((await resolveEmbeddingModel())?.id).toBe(model.id);
    if (!(await hasEmbeddingColumn())) {
      // PostgreSQL without pgvector (CI's real-server pass): embedding is a no-op, retrieval lexical.
      await embedFileChunks(file.id);
      const { mode } = await searchKnowledge({
        scope: { gptId: gpt.id, versionId: null },
        query: "when to prune roses",
        topK: 3,
        minScore: 0.1,
      });
      expect(mode).toBe("lexical");
      return;
    }
    await embedFileChunks(file.id);
    expect(
      await prisma.knowledgeChunk.count({ where: { fileId: file.id, embeddingModelId: model.id } }),
    ).toBe(3);
    expect(fake.requests.some((request) => request.path.endsWith("/embeddings"))).toBe(true);

    const { results, mode } = await searchKnowledge({
      scope: { gptId: gpt.id, versionId: null },
      query: "when to prune roses",
      topK: 3,
      minScore: 0.1,
    });
    expect(mode).toBe("hybrid");
    expect(results[0].text).toContain("Roses");
    expect(results[0].vectorScore).toBeGreaterThan(0);
    expect(results[0].lexicalScore).toBeGreaterThan(0);
    expect(results[0].relevance).toBeLessThanOrEqual(1);

    // A disabled embedding model: back to lexical, no vectors compared.
    await prisma.modelConfig.update({ where: { id: model.id }, data: { isEnabled: false } });
    const lexical = await searchKnowledge({
      scope: { gptId: gpt.id, versionId: null },
      query: "when to prune roses",
      topK: 3,
      minScore: 0.1,
    });
    expect(lexical.mode).toBe("lexical");
    expect(lexical.results[0].text).toContain("Roses");
  });
});
