import "server-only";
import { createHash } from "node:crypto";
import { type UnzipFileInfo, unzipSync } from "fflate";
import { AppError } from "../../errors";
import {
  GPT_PACKAGE_JSON_NAME,
  GPT_PACKAGE_LIMITS,
  type GptPackage,
  isSafeFileName,
  KNOWLEDGE_DIR,
  PACKAGE_FILE_KEY,
  type PackageProblems,
  parseGptPackage,
  zipEntryNameProblem,
} from "./package-schema";

export type PackageFile = { path: string; bytes: Uint8Array };

export type ReadGptPackage = {
  container: "json" | "zip";
  pkg: GptPackage;
  /** The knowledge files' bytes, in the order of `pkg.knowledge` (always empty for .json). */
  knowledgeFiles: PackageFile[];
};

const MB = 1024 * 1024;

function refuse(problems: PackageProblems): never {
  const count = Object.values(problems).flat().length;
  throw new AppError(
    "bad_request",
    count === 1
      ? "This file is not a valid GPT package."
      : `This file is not a valid GPT package (${count} problems).`,
    problems,
  );
}

function refuseFile(message: string): never {
  refuse({ [PACKAGE_FILE_KEY]: [message] });
}

function isZip(bytes: Uint8Array): boolean {
  // PK\x03\x04 (a local file header), or PK\x05\x06 (an empty archive's end record).
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

function parseJsonDocument(bytes: Uint8Array, name: string): GptPackage {
  if (bytes.length > GPT_PACKAGE_LIMITS.jsonBytes) {
    refuseFile(`${name} is larger than ${GPT_PACKAGE_LIMITS.jsonBytes / MB} MB.`);
  }
  let value: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : " (not UTF-8 text)";
    refuseFile(
      name === GPT_PACKAGE_JSON_NAME
        ? `${GPT_PACKAGE_JSON_NAME} in the zip is not valid JSON${detail}.`
        : `Not a JSON file or a .zip package${detail}.`,
    );
  }
  const parsed = parseGptPackage(value);
  if (!parsed.success) refuse(parsed.problems);
  return parsed.data;
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Entries a zip tool adds by itself; skipped rather than refused. */
function isIgnorableEntry(name: string): boolean {
  return (
    name.endsWith("/") || name.startsWith("__MACOSX/") || name.split("/").pop() === ".DS_Store"
  );
}

/**
 * Lists the archive without inflating anything, then refuses unsafe or unexpected entry names,
 * too many entries and oversized contents before a single byte is decompressed (zip bombs).
 */
function inspectZip(bytes: Uint8Array): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push(file);
        return false;
      },
    });
  } catch {
    refuseFile("Not a valid .zip archive.");
  }
  if (entries.length > GPT_PACKAGE_LIMITS.zipEntries) {
    refuseFile(`The zip has ${entries.length} entries; a package has at most 100.`);
  }
  const problems: PackageProblems = {};
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const unsafe = zipEntryNameProblem(entry.name);
    const name = entry.name;
    if (unsafe) {
      problems[name] = [unsafe];
      continue;
    }
    if (isIgnorableEntry(name)) continue;
    if (seen.has(name)) problems[name] = ["The zip holds this entry twice."];
    seen.add(name);
    const isKnowledge =
      name.startsWith(KNOWLEDGE_DIR) && isSafeFileName(name.slice(KNOWLEDGE_DIR.length));
    if (name !== GPT_PACKAGE_JSON_NAME && !isKnowledge) {
      problems[name] = [
        `Not part of a GPT package (it holds ${GPT_PACKAGE_JSON_NAME} and ${KNOWLEDGE_DIR}<file> only).`,
      ];
    }
    total += entry.originalSize;
  }
  if (Object.keys(problems).length > 0) refuse(problems);
  if (total > GPT_PACKAGE_LIMITS.unzippedBytes) {
    refuseFile(`The zip unpacks to more than ${GPT_PACKAGE_LIMITS.unzippedBytes / MB} MB.`);
  }
  if (!seen.has(GPT_PACKAGE_JSON_NAME)) {
    refuseFile(`The zip has no ${GPT_PACKAGE_JSON_NAME} at its top level.`);
  }
  return entries;
}

function readZip(bytes: Uint8Array): ReadGptPackage {
  if (bytes.length > GPT_PACKAGE_LIMITS.zipBytes) {
    refuseFile(`The zip is larger than ${GPT_PACKAGE_LIMITS.zipBytes / MB} MB.`);
  }
  inspectZip(bytes);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => !isIgnorableEntry(file.name) });
  } catch {
    refuseFile("The zip is damaged: an entry could not be unpacked.");
  }
  const pkg = parseJsonDocument(files[GPT_PACKAGE_JSON_NAME], GPT_PACKAGE_JSON_NAME);

  const problems: PackageProblems = {};
  const listed = new Set(pkg.knowledge.map((entry) => entry.path));
  const knowledgeFiles = pkg.knowledge.map((entry, index) => {
    const data = files[entry.path];
    if (!data) {
      problems[`knowledge.${index}.path`] = [`The zip has no ${entry.path}.`];
    } else if (data.length !== entry.size) {
      problems[`knowledge.${index}.size`] = [
        `${entry.path} has ${data.length} bytes, not ${entry.size}.`,
      ];
    } else if (sha256Hex(data) !== entry.sha256) {
      problems[`knowledge.${index}.sha256`] = [`${entry.path} does not match its SHA-256.`];
    }
    return { path: entry.path, bytes: data ?? new Uint8Array() };
  });
  for (const name of Object.keys(files)) {
    if (name.startsWith(KNOWLEDGE_DIR) && !listed.has(name)) {
      problems[name] = ["This file is not listed in gpt.json's knowledge."];
    }
  }
  if (Object.keys(problems).length > 0) refuse(problems);
  return { container: "zip", pkg, knowledgeFiles };
}

/**
 * Reads an uploaded package: a .zip (recognised by its first bytes, whatever the file is called)
 * or a JSON document. Throws AppError bad_request with every problem keyed by its package path.
 * A JSON package may list knowledge files (a JSON export does), but cannot carry them: its
 * `knowledgeFiles` is empty and the importer says the listed files were not included.
 */
export function readGptPackage(bytes: Uint8Array): ReadGptPackage {
  if (bytes.length === 0) refuseFile("The file is empty.");
  if (isZip(bytes)) return readZip(bytes);
  const pkg = parseJsonDocument(bytes, "The file");
  return { container: "json", pkg, knowledgeFiles: [] };
}
