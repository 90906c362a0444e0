/**
 * `npm run bench:retrieval`: retrieval quality and latency on BEIR SciFact (../shared/data/scifact,
 * or BENCH_SCIFACT_DIR). Indexes the corpus into a fresh database (a temporary embedded one, or a
 * throwaway database on the server named by DATABASE_URL) through the real chunking and
 * storeChunks, one knowledge file per abstract (title + text), then runs the 300 test queries
 * through searchKnowledge and prints nDCG@10, recall@100, latency and index time.
 *
 * Hybrid retrieval also runs when an embedding endpoint is configured:
 *   BENCH_EMBEDDING_BASE_URL, BENCH_EMBEDDING_MODEL (+ BENCH_EMBEDDING_API_KEY), or
 *   BENCH_FAKE_EMBEDDINGS=1 (the test suite's hashed bag-of-words server: checks the plumbing only).
 * BENCH_QUERY_LIMIT=N runs only the first N queries (quick iterations).
 * The dataset is for evaluation only (CC BY-NC): it is read in place and never copied.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "gpt-tokenizer";
import { openThrowawayPostgres } from "./lib/throwaway-postgres";

const BM25_REFERENCE_NDCG = 0.665;
const dataDir = path.resolve(
  process.env.BENCH_SCIFACT_DIR ?? path.join(import.meta.dirname, "../../shared/data/scifact"),
);

type Doc = { _id: string; title?: string; text: string };
type ChunkDraft = import("../lib/knowledge/types").ChunkDraft;

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

function readQrels(file: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
    const [queryId, docId, score] = line.trim().split("\t");
    if (!queryId || !docId) continue;
    if (!qrels.has(queryId)) qrels.set(queryId, new Map());
    qrels.get(queryId)?.set(docId, Number(score));
  }
  return qrels;
}

/** The teammates' chunker when it exists; else 800-token windows with 400 overlap (same defaults). */
async function loadChunker(): Promise<{
  name: string;
  chunk: (text: string) => Promise<ChunkDraft[]>;
}> {
  const candidates = [
    { spec: "../lib/knowledge/parse/parse-and-chunk", fn: "parseAndChunk" },
    { spec: "../lib/knowledge/parse/chunk-text", fn: "chunkText" },
  ];
  for (const { spec, fn } of candidates) {
    const modulePath = path.join(import.meta.dirname, `${spec}.ts`);
    if (!existsSync(modulePath)) continue;
    try {
      const mod = (await import(modulePath)) as Record<string, unknown>;
      const chunker = mod[fn];
      if (typeof chunker !== "function") continue;
      if (fn === "parseAndChunk") {
        return {
          name: "parseAndChunk (lib/knowledge/parse)",
          chunk: async (text) => {
            const result = await chunker(new TextEncoder().encode(text), "text", 2_000_000);
            return (result as { chunks: ChunkDraft[] }).chunks;
          },
        };
      }
      return {
        name: "chunkText (lib/knowledge/parse/chunk-text.ts)",
        chunk: async (text) => {
          const result = await chunker(text);
          return Array.isArray(result) ? result : (result as { chunks: ChunkDraft[] }).chunks;
        },
      };
    } catch (error) {
      console.warn(`(could not use ${spec}: ${(error as Error).message})`);
    }
  }
  return {
    name: "fallback 800/400-token windows",
    chunk: async (text) => {
      const words = text.split(/(?<=\s)/);
      const chunks: ChunkDraft[] = [];
      let start = 0;
      while (start < words.length) {
        let end = start;
        let tokens = 0;
        while (end < words.length && tokens < 800) tokens += encode(words[end++]).length;
        chunks.push({
          ordinal: chunks.length,
          text: words.slice(start, end).join("").trim(),
          tokenCount: tokens,
          page: null,
          heading: null,
        });
        if (end >= words.length) break;
        let back = end;
        let overlap = 0;
        while (back > start + 1 && overlap < 400) overlap += encode(words[--back]).length;
        start = back;
      }
      return chunks;
    },
  };
}

function ndcgAt10(ranked: string[], relevant: Map<string, number>): number {
  let dcg = 0;
  ranked.slice(0, 10).forEach((doc, index) => {
    const gain = relevant.get(doc) ?? 0;
    dcg += (2 ** gain - 1) / Math.log2(index + 2);
  });
  const ideal = [...relevant.values()].sort((a, b) => b - a).slice(0, 10);
  const idcg = ideal.reduce((sum, gain, index) => sum + (2 ** gain - 1) / Math.log2(index + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

function recallAt100(ranked: string[], relevant: Map<string, number>): number {
  const wanted = [...relevant.entries()].filter(([, score]) => score > 0).map(([doc]) => doc);
  if (wanted.length === 0) return 0;
  const top = new Set(ranked.slice(0, 100));
  return wanted.filter((doc) => top.has(doc)).length / wanted.length;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function openBenchDatabase() {
  const { openDatabase } = await import("../lib/db/open");
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-retrieval-"));
    const db = openDatabase({ kind: "embedded", dataDir: dir });
    return {
      db,
      label: "embedded PGlite (temporary data directory)",
      cleanup: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  return openThrowawayPostgres(serverUrl);
}

async function main() {
  const corpusFile = path.join(dataDir, "corpus.jsonl");
  const queriesFile = path.join(dataDir, "queries.jsonl");
  const qrelsFile = path.join(dataDir, "qrels", "test.tsv");
  if (![corpusFile, queriesFile, qrelsFile].every((file) => existsSync(file))) {
    console.error(
      `SciFact not found in ${dataDir} (expected corpus.jsonl, queries.jsonl, qrels/test.tsv).\n` +
        "Put the BEIR SciFact files there or set BENCH_SCIFACT_DIR. The dataset is not shipped with Atelier.",
    );
    process.exit(2);
  }
  const corpus = readJsonl<Doc>(corpusFile);
  const qrels = readQrels(qrelsFile);
  const queryLimit = Number(process.env.BENCH_QUERY_LIMIT) || Infinity;
  const queries = readJsonl<{ _id: string; text: string }>(queriesFile)
    .filter((query) => qrels.has(query._id))
    .slice(0, queryLimit);

  const { setDatabaseForTests, prisma } = await import("../lib/db");
  const { applyMigrations } = await import("../lib/db/migrate");
  const { storeChunks } = await import("../lib/knowledge/index/store-chunks");
  const { searchKnowledge } = await import("../lib/knowledge/retrieval/search-knowledge");
  const { embedFileChunks } = await import("../lib/knowledge/embeddings");

  const { db, label, cleanup } = await openBenchDatabase();
  setDatabaseForTests(db);
  await applyMigrations(db.sql);
  const chunker = await loadChunker();
  console.log(`Database: ${label}`);
  console.log(`Chunker: ${chunker.name}`);
  console.log(`Corpus: ${corpus.length} documents; ${queries.length} test queries`);

  try {
    const owner = await prisma.user.create({ data: { email: "bench@example.com", name: "Bench" } });
    const gpt = await prisma.gpt.create({
      data: { ownerId: owner.id, slug: `bench-${Date.now()}`, name: "SciFact" },
    });
    const fileIdToDoc = new Map<string, string>();
    const indexStarted = performance.now();
    let chunkCount = 0;
    for (const doc of corpus) {
      const text = doc.title ? `${doc.title}\n\n${doc.text}` : doc.text;
      const file = await prisma.knowledgeFile.create({
        data: {
          gptId: gpt.id,
          ownerId: owner.id,
          name: `${doc._id}.txt`,
          kind: "text",
          mimeType: "text/plain",
          sizeBytes: Buffer.byteLength(text),
          sha256: doc._id,
          blobKey: `bench/${doc._id}`,
          status: "READY",
        },
      });
      fileIdToDoc.set(file.id, doc._id);
      const chunks = await chunker.chunk(text);
      chunkCount += chunks.length;
      await storeChunks({ fileId: file.id, gptId: gpt.id, chunks });
    }
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    console.log(
      `Indexed ${corpus.length} files, ${chunkCount} chunks in ${indexSeconds.toFixed(1)} s`,
    );

    const evaluate = async () => {
      const ndcgs: number[] = [];
      const recalls: number[] = [];
      const latencies: number[] = [];
      let reportedMode = "";
      for (const query of queries) {
        const started = performance.now();
        const { results, mode: used } = await searchKnowledge({
          scope: { gptId: gpt.id, versionId: null },
          query: query.text,
          topK: 100,
          minScore: 0,
        });
        latencies.push(performance.now() - started);
        reportedMode = used;
        // A document ranks where its best chunk ranks.
        const ranked: string[] = [];
        for (const result of results) {
          const doc = fileIdToDoc.get(result.fileId);
          if (doc && !ranked.includes(doc)) ranked.push(doc);
        }
        const relevant = qrels.get(query._id) ?? new Map<string, number>();
        ndcgs.push(ndcgAt10(ranked, relevant));
        recalls.push(recallAt100(ranked, relevant));
      }
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      const ndcg = mean(ndcgs);
      console.log(`\n== ${reportedMode} retrieval (${queries.length} queries) ==`);
      console.log(
        `nDCG@10      ${ndcg.toFixed(4)}  (${(ndcg / BM25_REFERENCE_NDCG).toFixed(3)} × BM25 reference ${BM25_REFERENCE_NDCG})`,
      );
      console.log(`recall@100   ${mean(recalls).toFixed(4)}`);
      console.log(
        `latency      p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
      );
      console.log(`index time   ${indexSeconds.toFixed(1)} s`);
    };

    // Lexical first: the same code path as a deployment without an embedding model.
    await evaluate();

    let stopFake: (() => Promise<void>) | undefined;
    let embeddingUrl = process.env.BENCH_EMBEDDING_BASE_URL;
    if (!embeddingUrl && process.env.BENCH_FAKE_EMBEDDINGS === "1") {
      const { startFakeOpenAI } = await import("../tests/fixtures/fake-openai/server");
      const fake = await startFakeOpenAI({ port: 0 });
      embeddingUrl = fake.url;
      stopFake = () => fake.close();
    }
    if (embeddingUrl) {
      const { sealSecret } = await import("../lib/security/secret-box");
      const apiKey = process.env.BENCH_EMBEDDING_API_KEY;
      const model = await prisma.modelConfig.create({
        data: {
          displayName: "Bench embeddings",
          baseUrl: embeddingUrl,
          modelId: process.env.BENCH_EMBEDDING_MODEL ?? "fake-embedding",
          kind: "EMBEDDING",
          apiKeyCiphertext: apiKey ? await sealSecret(apiKey) : null,
        },
      });
      await prisma.instanceSettings.upsert({
        where: { id: 1 },
        create: { id: 1, embeddingModelConfigId: model.id },
        update: { embeddingModelConfigId: model.id },
      });
      const embedStarted = performance.now();
      for (const fileId of fileIdToDoc.keys()) await embedFileChunks(fileId);
      console.log(
        `\nEmbedded all chunks in ${((performance.now() - embedStarted) / 1000).toFixed(1)} s`,
      );
      await evaluate();
    }
    await stopFake?.();
  } finally {
    await cleanup();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
