import type { KnowledgeKind } from "../types";

const MB = 1024 * 1024;

function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export function filesPerGptMessage(max: number): string {
  return `A GPT can have at most ${max} knowledge files. Remove one to add another.`;
}

export function fileSizeMessage(maxBytes: number): string {
  return `A knowledge file can be at most ${formatMb(maxBytes)}. Split it or upload a smaller file.`;
}

export function creatorLimitMessage(maxBytes: number, usedBytes: number): string {
  return `Your knowledge files can take at most ${formatMb(maxBytes)} in total across your GPTs (${formatMb(usedBytes)} used). Remove some files to upload this one.`;
}

/** The name shown to the owner: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return cleaned.slice(0, 200) || "file";
}

const EXTENSION_BY_KIND: Record<KnowledgeKind, string> = {
  pdf: "pdf",
  docx: "docx",
  text: "txt",
  markdown: "md",
  html: "html",
  csv: "csv",
  json: "json",
  code: "txt",
};

/** The stored blob's extension: from the detected kind, or the code file's own (safe) extension. */
export function blobExtensionOf(kind: KnowledgeKind, name: string): string {
  if (kind === "code") {
    const extension = name.includes(".") ? name.split(".").pop()?.toLowerCase() : undefined;
    if (extension && /^[a-z0-9]{1,12}$/.test(extension)) return extension;
  }
  return EXTENSION_BY_KIND[kind];
}
