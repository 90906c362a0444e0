import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { KnowledgeParseError } from "./errors";

export const ZIP_LIMITS = {
  maxEntries: 1_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  /** The ratio rule only bites above this: a 50 KB XML part at 150:1 harms no one. */
  ratioFloorBytes: 1024 * 1024,
};

const BOMB_MESSAGE =
  "This DOCX expands to far more data than a document should (it looks like a zip bomb), so it was not processed.";

type Limits = typeof ZIP_LIMITS;

/**
 * Rejects zip bombs before mammoth (JSZip) inflates anything. Two passes: the central directory's
 * declared sizes (cheap, catches honest bombs), then a streaming inflate that counts real output
 * and stops as soon as an entry exceeds what it declared or the total cap, so a bomb with lying
 * headers is caught after at most a few MB rather than after exhausting memory.
 */
export function assertSafeZip(bytes: Uint8Array, limits: Limits = ZIP_LIMITS): void {
  const { declared, entryCount } = readCentralDirectory(bytes);
  if (entryCount > limits.maxEntries) {
    throw new KnowledgeParseError(
      `This DOCX contains ${entryCount.toLocaleString("en-US")} internal files; the limit is ${limits.maxEntries.toLocaleString("en-US")}.`,
    );
  }
  let total = 0;
  for (const entry of declared.values()) {
    total += entry.originalSize;
    const ratio = entry.originalSize / Math.max(entry.size, 1);
    const isBomb = ratio > limits.maxRatio && entry.originalSize > limits.ratioFloorBytes;
    if (isBomb || total > limits.maxTotalBytes) throw new KnowledgeParseError(BOMB_MESSAGE);
  }
  verifyInflatedSizes(bytes, declared, limits);
}

type DeclaredEntry = { size: number; originalSize: number };

function readCentralDirectory(bytes: Uint8Array) {
  // Keyed by name for the streaming pass; a duplicated name keeps its largest declared size (the
  // running total below still bounds what duplicates can claim).
  const declared = new Map<string, DeclaredEntry>();
  let entryCount = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entryCount++;
        const previous = declared.get(file.name);
        if (!previous || previous.originalSize < file.originalSize) {
          declared.set(file.name, { size: file.size, originalSize: file.originalSize });
        }
        return false;
      },
    });
  } catch {
    throw new KnowledgeParseError("This DOCX file is damaged or incomplete, so it can't be read.");
  }
  return { declared, entryCount };
}

class SizeExceeded extends Error {}

/** Deflate tops out near 1032:1, so 4 KB pushes bound each inflate step to ~4 MB of output. */
const PUSH_BYTES = 4 * 1024;

function verifyInflatedSizes(
  bytes: Uint8Array,
  declared: Map<string, DeclaredEntry>,
  limits: Limits,
) {
  let total = 0;
  const unzip = new Unzip((file) => {
    const allowed = declared.get(file.name)?.originalSize ?? 0;
    let produced = 0;
    file.ondata = (error, chunk) => {
      if (error) throw error;
      produced += chunk.length;
      total += chunk.length;
      if (produced > allowed || total > limits.maxTotalBytes) throw new SizeExceeded();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length; offset += PUSH_BYTES) {
      const end = Math.min(offset + PUSH_BYTES, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    if (error instanceof SizeExceeded) throw new KnowledgeParseError(BOMB_MESSAGE);
    throw new KnowledgeParseError("This DOCX file is damaged or incomplete, so it can't be read.");
  }
}
