import "server-only";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ChunkedDocument, KnowledgeKind } from "../types";
import { KnowledgeParseError, UNREADABLE_FILE_MESSAGE } from "./errors";
import type { WorkerJob, WorkerMessage } from "./worker-protocol";

export type ParseInWorkerInput = {
  /** Transferred to the worker: afterwards it is detached (empty) in the caller. */
  bytes: Uint8Array;
  kind: KnowledgeKind;
  maxTokens: number;
  /** 0-1, at most once per percent. */
  onProgress?: (fraction: number) => void;
  timeoutMs?: number;
  maxMemoryMb?: number;
};

/**
 * Paths are built at run time from the working directory (the app always starts from the repo
 * root) and from variables, so Turbopack neither rewrites them nor tries to bundle the worker.
 */
const PARSE_DIR = ["lib", "knowledge", "parse"];
const bootPath = () => path.join(process.cwd(), ...PARSE_DIR, "worker-boot.mjs");
const workerModulePath = () => path.join(process.cwd(), ...PARSE_DIR, "knowledge-worker.ts");

const MB = 1024 * 1024;

/**
 * Text kinds are decoded into one string (up to 2 bytes per character) and copied once by
 * whitespace normalisation. A single allocation larger than the worker's remaining heap aborts
 * the whole process instead of raising ERR_WORKER_OUT_OF_MEMORY, so such files never start.
 */
const TEXT_KINDS = new Set<KnowledgeKind>(["text", "markdown", "html", "csv", "json", "code"]);
const TEXT_HEAP_FACTOR = 4;

const MEMORY_MESSAGE =
  "The file needs more memory to process than allowed. Try splitting it into smaller files.";

/**
 * Parses and chunks a file in a worker thread with a heap limit and a deadline. Whatever the file
 * does (hangs pdf.js, exhausts memory, crashes a parser), only this promise rejects, with a
 * KnowledgeParseError whose message can be shown to the creator; the server process carries on.
 * A worker that cannot start at all (a deployment problem) rejects with a plain Error instead.
 */
export function parseAndChunkInWorker({
  bytes,
  kind,
  maxTokens,
  onProgress,
  timeoutMs = 60_000,
  maxMemoryMb = 512,
}: ParseInWorkerInput): Promise<ChunkedDocument> {
  if (TEXT_KINDS.has(kind) && bytes.byteLength * TEXT_HEAP_FACTOR > maxMemoryMb * MB) {
    return Promise.reject(new KnowledgeParseError(MEMORY_MESSAGE));
  }
  const owned = ownBuffer(bytes);
  const job: WorkerJob = {
    entry: pathToFileURL(workerModulePath()).href,
    bytes: owned,
    kind,
    maxTokens,
  };
  let worker: Worker;
  try {
    worker = startWorker(owned, job, maxMemoryMb);
  } catch (error) {
    return Promise.reject(error); // deployment problem (missing boot file), not the file's fault
  }

  return new Promise<ChunkedDocument>((resolve, reject) => {
    let isSettled = false;
    // Set by the first message. Until then a failure is ours (the worker could not boot), so it
    // rejects with a plain Error the job runner retries, not a verdict on the creator's file.
    let hasStarted = false;
    const settle = (outcome: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const fail = (message: string) => settle(() => reject(new KnowledgeParseError(message)));
    const failToStart = (error: unknown) => {
      console.error("[knowledge] parse worker failed to start:", error);
      settle(() =>
        reject(new Error("The knowledge parse worker failed to start.", { cause: error })),
      );
    };
    // A failing progress callback (say, a database hiccup) must not become an uncaught exception
    // in this event handler, which would take the whole server down.
    const reportProgress = (fraction: number) => {
      try {
        onProgress?.(fraction);
      } catch (error) {
        console.error("[knowledge] progress callback failed:", error);
      }
    };

    const timer = setTimeout(() => fail(timeoutMessage(timeoutMs)), timeoutMs);
    const stopWatchdog = watchOffHeapMemory(maxMemoryMb, () => fail(MEMORY_MESSAGE));
    worker.once("exit", stopWatchdog);

    worker.on("message", (message: WorkerMessage) => {
      hasStarted = true;
      if (message.type === "progress") reportProgress(message.fraction);
      else if (message.type === "done") settle(() => resolve(message.result));
      else {
        if (!message.isUserFacing) console.error("[knowledge] parser failed:", message.message);
        fail(message.isUserFacing ? message.message : UNREADABLE_FILE_MESSAGE);
      }
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (isOutOfMemory(error)) return fail(MEMORY_MESSAGE);
      if (!hasStarted) return failToStart(error);
      console.error("[knowledge] parse worker crashed:", error);
      fail(UNREADABLE_FILE_MESSAGE);
    });
    // An exit before any answer is V8 tearing the isolate down, in practice at the heap limit.
    worker.on("exit", (code) => {
      if (isSettled) return;
      if (!hasStarted) return failToStart(new Error(`exit code ${code}`));
      console.error(`[knowledge] parse worker exited with code ${code}`);
      fail(MEMORY_MESSAGE);
    });
  });
}

function startWorker(owned: Uint8Array, job: WorkerJob, maxMemoryMb: number): Worker {
  return new Worker(bootPath(), {
    workerData: job,
    transferList: [owned.buffer as ArrayBuffer],
    // The worker must not inherit the parent's loader flags (vitest, --conditions): it sets up
    // its own TypeScript loader in worker-boot.mjs.
    execArgv: [],
    resourceLimits: {
      maxOldGenerationSizeMb: maxMemoryMb,
      maxYoungGenerationSizeMb: Math.max(4, Math.min(64, Math.floor(maxMemoryMb / 8))),
    },
    stdout: false,
    stderr: false,
  });
}

/**
 * resourceLimits cap the V8 heap only; ArrayBuffers (pdf.js decoding a compressed stream bomb,
 * JSZip output) live outside it. Watch the process's resident memory instead and stop the worker
 * if it grows by more than twice the heap allowance. Coarse (other work shares the process) but
 * it turns a host-wide OOM kill into one failed file.
 */
function watchOffHeapMemory(maxMemoryMb: number, onExceeded: () => void): () => void {
  const baseline = process.memoryUsage.rss();
  const allowance = 2 * maxMemoryMb * MB;
  const interval = setInterval(() => {
    if (process.memoryUsage.rss() - baseline > allowance) onExceeded();
  }, 250);
  interval.unref();
  return () => clearInterval(interval);
}

/** Transfer needs an ArrayBuffer we own outright; pooled Node Buffers share theirs, so copy those. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  const isWhole =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  return isWhole ? new Uint8Array(bytes.buffer) : bytes.slice();
}

function isOutOfMemory(error: Error & { code?: string }): boolean {
  if (error.code === "ERR_WORKER_OUT_OF_MEMORY") return true;
  return /allocation failed|out of memory|Invalid string length|Invalid array length/i.test(
    error.message,
  );
}

function timeoutMessage(timeoutMs: number): string {
  const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} seconds` : `${timeoutMs} ms`;
  return `Processing took longer than ${limit}, so it was stopped. Try a smaller or simpler file.`;
}
