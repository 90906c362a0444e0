import type { KnowledgeKind } from "../types";

/** Shown next to the upload control and in "unsupported file" errors. Browser-safe. */
export const ACCEPTED_KNOWLEDGE_TYPES_LABEL =
  "PDF, DOCX, TXT, Markdown, HTML, CSV, JSON or source code";

/**
 * MIME type recorded for each kind. Code is text/plain: nothing gains from a language-specific
 * type. Whoever serves stored files back must still send them as attachments (HTML especially),
 * never inline on the app's origin.
 */
export const KNOWLEDGE_MIME_TYPES: Record<KnowledgeKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  text: "text/plain",
  markdown: "text/markdown",
  html: "text/html",
  csv: "text/csv",
  json: "application/json",
  code: "text/plain",
};

export const MARKDOWN_EXTENSIONS = ["md", "markdown", "mdx"];

export const CODE_EXTENSIONS = [
  "ts",
  "tsx",
  "js",
  "jsx",
  "mjs",
  "cjs",
  "py",
  "go",
  "rs",
  "java",
  "kt",
  "kts",
  "scala",
  "swift",
  "c",
  "h",
  "cc",
  "cpp",
  "cxx",
  "hpp",
  "cs",
  "rb",
  "php",
  "pl",
  "lua",
  "r",
  "dart",
  "sh",
  "bash",
  "zsh",
  "ps1",
  "sql",
  "css",
  "scss",
  "less",
  "yaml",
  "yml",
  "toml",
  "ini",
  "xml",
  "vue",
  "svelte",
  "graphql",
  "proto",
  "dockerfile",
  "tf",
  "ex",
  "exs",
  "erl",
  "hs",
  "clj",
  "ml",
  "fs",
  "vb",
  "m",
];

/**
 * For the file picker's `accept` attribute: a hint only, the server decides from the content.
 */
export const ACCEPTED_KNOWLEDGE_EXTENSIONS = [
  "pdf",
  "docx",
  "txt",
  "text",
  "md",
  "markdown",
  "mdx",
  "html",
  "htm",
  "csv",
  "tsv",
  "json",
  ...CODE_EXTENSIONS.filter((ext) => !["md", "markdown", "mdx"].includes(ext)),
].map((ext) => `.${ext}`);

/** Delimiters detection and parsing both consider; "|" is left out so markdown tables stay markdown. */
export const CSV_DELIMITERS = [",", "\t", ";"];
