import { unzipSync } from "fflate";
import Papa from "papaparse";
import type { DetectedKind, KnowledgeKind } from "../types";
import {
  CODE_EXTENSIONS,
  CSV_DELIMITERS,
  KNOWLEDGE_MIME_TYPES,
  MARKDOWN_EXTENSIONS,
} from "./accepted-types";

export { ACCEPTED_KNOWLEDGE_TYPES_LABEL, KNOWLEDGE_MIME_TYPES } from "./accepted-types";

/** Above this, JSON is checked structurally only: full parsing belongs in the worker, not upload. */
const JSON_FULL_PARSE_BYTES = 5 * 1024 * 1024;
const CSV_SAMPLE_CHARS = 64 * 1024;

/**
 * Decides a knowledge file's kind from its bytes. The name is only a tie-breaker between text
 * kinds (markdown, code, plain text); the browser's claimed MIME type is never consulted. Returns
 * null for anything we can't parse (images, other zips such as xlsx, binary, non-UTF-8 text).
 * Pure and browser-safe.
 */
export function detectKnowledgeKind(bytes: Uint8Array, fileName: string): DetectedKind | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return detected("pdf"); // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return isDocxZip(bytes) ? detected("docx") : null;

  const text = decodeUtf8(bytes);
  if (text === null) return null;
  const kind = detectTextKind(text, extensionOf(fileName));
  return kind ? detected(kind) : null;
}

function detected(kind: KnowledgeKind): DetectedKind {
  return { kind, mimeType: KNOWLEDGE_MIME_TYPES[kind] };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** Lists the zip's central directory without inflating anything (filter returns false). */
function isDocxZip(bytes: Uint8Array): boolean {
  let hasDocument = false;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name === "word/document.xml") hasDocument = true;
        return false;
      },
    });
  } catch {
    return false;
  }
  return hasDocument;
}

/** Strict UTF-8 (BOM stripped); NUL bytes mean binary even when the bytes happen to decode. */
function decodeUtf8(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function extensionOf(fileName: string): string {
  const base = fileName.toLowerCase().split(/[\\/]/).pop() ?? "";
  if (base === "dockerfile") return "dockerfile";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1) : "";
}

/**
 * Order matters: content that is unambiguous (JSON, a full HTML document) wins over the name;
 * the extension then settles markdown/code before weaker content guesses, so a README that opens
 * with `<div align="center">` stays markdown and a .py data table does not become CSV.
 */
function detectTextKind(text: string, ext: string): KnowledgeKind | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return null;
  if (looksLikeJson(trimmed)) return "json";
  if (isHtmlDocument(trimmed)) return "html";
  if (MARKDOWN_EXTENSIONS.includes(ext)) return "markdown";
  if (CODE_EXTENSIONS.includes(ext)) return "code";
  if (isHtmlFragment(trimmed)) return "html";
  if (looksLikeCsv(text, ext === "csv" || ext === "tsv")) return "csv";
  if (looksLikeMarkdown(text)) return "markdown";
  return "text";
}

function looksLikeJson(trimmed: string): boolean {
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  const isStructured = (first === "{" && last === "}") || (first === "[" && last === "]");
  if (!isStructured) return false;
  if (trimmed.length > JSON_FULL_PARSE_BYTES) return true;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function isHtmlDocument(trimmed: string): boolean {
  let head = trimmed.slice(0, 4096).toLowerCase();
  // Skip leading comments by hand: `(<!--[\s\S]*?-->\s*)*` backtracks exponentially.
  while (head.startsWith("<!--")) {
    const end = head.indexOf("-->");
    if (end < 0) break;
    head = head.slice(end + 3).trimStart();
  }
  return head.startsWith("<!doctype html") || /<html[\s>]/.test(head) || /<body[\s>]/.test(head);
}

const BLOCK_TAG =
  /<(p|div|h[1-6]|ul|ol|li|table|section|article|main|header|nav|br|pre|blockquote)[\s>/]/i;

/** A fragment such as `<h1>..</h1><p>..</p>`: must open with a tag, not merely contain one. */
function isHtmlFragment(trimmed: string): boolean {
  return trimmed.startsWith("<") && BLOCK_TAG.test(trimmed.slice(0, 4096));
}

/** Several rows with the same field count (>= 2) under one delimiter papaparse agrees on. */
function looksLikeCsv(text: string, hasCsvName: boolean): boolean {
  const sample = text.slice(0, CSV_SAMPLE_CHARS);
  const result = Papa.parse<string[]>(sample, {
    preview: 50,
    skipEmptyLines: true,
    delimitersToGuess: CSV_DELIMITERS,
  });
  if (result.errors.some((e) => e.code === "UndetectableDelimiter")) return false;
  // The sample may cut the last row short.
  const rows = sample.length < text.length ? result.data.slice(0, -1) : result.data;
  if (rows.length < (hasCsvName ? 2 : 3)) return false;
  const width = rows[0].length;
  return width >= 2 && rows.every((row) => row.length === width);
}

function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  const headings = sample.match(/^#{1,6}[ \t]+\S/gm)?.length ?? 0;
  const fences = sample.match(/^```/gm)?.length ?? 0;
  // Bounded repeats: this runs on the upload request, so no pattern may go quadratic.
  const links = sample.match(/\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)/g)?.length ?? 0;
  return headings >= 2 || (headings >= 1 && fences + links >= 1) || fences >= 2;
}
