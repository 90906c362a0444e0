import type { KnowledgeFileView, KnowledgeLimits } from "../types";
import type { KnowledgeUsage } from "./api-client";

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;
const integer = new Intl.NumberFormat("en-US");

/** "820 KB", "4.2 MB", "1 GB": binary units, as the limits are configured in MB. */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} B`;
  const [size, unit] =
    bytes < MB ? [bytes / KB, "KB"] : bytes < GB ? [bytes / MB, "MB"] : [bytes / GB, "GB"];
  const rounded = size >= 100 ? Math.round(size) : Math.round(size * 10) / 10;
  return `${integer.format(rounded)} ${unit}`;
}

export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${integer.format(count)} ${count === 1 ? singular : plural}`;
}

/** "3 of 20 files · up to 50 MB each · 120 MB of 1 GB used" */
export function formatLimitsSummary(limits: KnowledgeLimits, usage: KnowledgeUsage): string {
  return [
    `${integer.format(usage.files)} of ${formatCount(limits.maxFilesPerGpt, "file")}`,
    `up to ${formatBytes(limits.maxFileBytes)} each`,
    `${formatBytes(usage.creatorBytes)} of ${formatBytes(limits.maxBytesPerCreator)} used`,
  ].join(" · ");
}

/** "12 chunks · 8,400 tokens · 14 pages" for a READY file. */
export function formatFileStats(file: KnowledgeFileView): string {
  return [
    formatCount(file.chunkCount, "chunk"),
    formatCount(file.tokenCount, "token"),
    file.pageCount === null ? null : formatCount(file.pageCount, "page"),
  ]
    .filter(Boolean)
    .join(" · ");
}

/** Relevance and raw scores in the retrieval console. */
export function formatScore(score: number | null): string {
  return score === null ? "–" : score.toFixed(score >= 10 ? 1 : 3);
}

export function isFileBusy(file: Pick<KnowledgeFileView, "status">): boolean {
  return file.status === "QUEUED" || file.status === "PROCESSING";
}

const KIND_LABELS: Record<KnowledgeFileView["kind"], string> = {
  pdf: "PDF",
  docx: "Word",
  text: "Text",
  markdown: "Markdown",
  html: "HTML",
  csv: "CSV",
  json: "JSON",
  code: "Code",
};

export function knowledgeKindLabel(kind: KnowledgeFileView["kind"]): string {
  return KIND_LABELS[kind] ?? kind;
}
