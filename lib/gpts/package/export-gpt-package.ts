import "server-only";
import { createHash } from "node:crypto";
import { strToU8, type Zippable, zipSync } from "fflate";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { appUrl } from "../../env";
import { AppError } from "../../errors";
import { definitionFromRow, definitionsFromVersion } from "../../gpt-actions/definition";
import { toPackageAction } from "../../gpt-actions/package-actions";
import { getObject } from "../../storage/storage";
import { isAvatarColor } from "../../utils/avatar-colors";
import { type GptConfig, versionedFieldsSelect } from "../gpt-config";
import {
  GPT_PACKAGE_FORMAT,
  GPT_PACKAGE_JSON_NAME,
  GPT_PACKAGE_LIMITS,
  GPT_PACKAGE_VERSION,
  type GptPackage,
  type GptPackageKnowledgeEntry,
  isSafeFileName,
  KNOWLEDGE_DIR,
} from "./package-schema";
import type { PackageFile } from "./read-gpt-package";

export type GptPackageSource = "draft" | "published";
export type GptPackageContainer = "json" | "zip";

export type ExportedGptPackage = { fileName: string; contentType: string; bytes: Uint8Array };

type KnowledgeForExport = { entry: GptPackageKnowledgeEntry; file: PackageFile };

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces.
const CONTROL_OR_SLASH = /[\u0000-\u001f\u007f/\\]/g;

/** A name that is a safe, unique `knowledge/<name>` entry ("notes (2).md" for a second one). */
function packageFileName(name: string, taken: Set<string>): string {
  let base = name.replace(CONTROL_OR_SLASH, "_").trim();
  if (!isSafeFileName(base)) base = "file";
  const dot = base.lastIndexOf(".");
  const [stem, extension] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ""];
  const room = GPT_PACKAGE_LIMITS.fileNameLength - extension.length - 6;
  let candidate = `${stem.slice(0, room)}${extension}`;
  for (let counter = 2; taken.has(candidate.toLowerCase()); counter++) {
    candidate = `${stem.slice(0, room)} (${counter})${extension}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The knowledge files of the exported configuration with their bytes: the draft's READY files,
 * or the files the published version snapshotted. A file whose blob is missing fails the export
 * (naming it) rather than leaving it out silently.
 */
async function collectKnowledgeFiles({
  gptId,
  versionId,
  withBytes,
}: {
  gptId: string;
  versionId: string | null;
  /** False for the JSON form: the entries come from the rows, no blob is read. */
  withBytes: boolean;
}): Promise<KnowledgeForExport[]> {
  const files = await prisma.knowledgeFile.findMany({
    where: versionId
      ? { gptId, versions: { some: { versionId } } }
      : { gptId, inDraft: true, status: "READY" },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    select: {
      name: true,
      kind: true,
      mimeType: true,
      sizeBytes: true,
      sha256: true,
      blobKey: true,
    },
  });
  const taken = new Set<string>();
  const collected: KnowledgeForExport[] = [];
  for (const file of files) {
    const name = packageFileName(file.name, taken);
    const path = `${KNOWLEDGE_DIR}${name}`;
    const entry = {
      name,
      kind: file.kind,
      mimeType: file.mimeType,
      size: file.sizeBytes,
      sha256: file.sha256,
      path,
    };
    if (!withBytes) {
      collected.push({ entry, file: { path, bytes: new Uint8Array() } });
      continue;
    }
    const bytes = await getObject(file.blobKey);
    if (!bytes) {
      throw new AppError(
        "unavailable",
        `The knowledge file "${file.name}" is missing from storage. Remove it and upload it again.`,
      );
    }
    // Size and hash of the bytes actually packed, so the zip always checks out on import.
    collected.push({
      entry: {
        ...entry,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
      file: { path, bytes: new Uint8Array(bytes) },
    });
  }
  return collected;
}

async function avatarOf(config: GptConfig): Promise<GptPackage["gpt"]["avatar"]> {
  if (config.avatarKey) {
    const bytes = await getObject(config.avatarKey);
    const dataUri = bytes ? `data:image/webp;base64,${bytes.toString("base64")}` : null;
    // A missing file (or one over the package limit) falls back to the colour, never fails.
    if (dataUri && dataUri.length <= GPT_PACKAGE_LIMITS.avatarDataUriLength) return { dataUri };
  }
  return isAvatarColor(config.avatarColor) ? { color: config.avatarColor } : null;
}

async function packageGptOf(config: GptConfig): Promise<GptPackage["gpt"]> {
  const [category, model, avatar] = await Promise.all([
    config.categoryId
      ? prisma.category.findUnique({
          where: { id: config.categoryId },
          select: { slug: true, name: true },
        })
      : null,
    config.modelConfigId
      ? prisma.modelConfig.findUnique({
          where: { id: config.modelConfigId },
          select: { modelId: true, displayName: true },
        })
      : null,
    avatarOf(config),
  ]);
  return {
    name: config.name,
    description: config.description,
    instructions: config.instructions,
    conversationStarters: [...config.conversationStarters],
    category,
    model,
    avatar,
    temperature: config.temperature,
    capabilities: [...config.capabilities].sort(),
    knowledgeTopK: config.knowledgeTopK,
    knowledgeMinScore: config.knowledgeMinScore,
    hideKnowledgeSources: config.hideKnowledgeSources,
    knowledgeOnly: config.knowledgeOnly,
  };
}

/**
 * Builds the package document and its files for the owner's GPT: the saved draft or the
 * published version. Anyone else (admins included) gets not_found: the package carries the
 * instructions, which only the owner may take away.
 */
export async function buildGptPackage({
  actor,
  gptId,
  source,
  withKnowledgeBytes = true,
}: {
  actor: Actor;
  gptId: string;
  source: GptPackageSource;
  withKnowledgeBytes?: boolean;
}): Promise<{ slug: string; pkg: GptPackage; knowledge: KnowledgeForExport[] }> {
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: {
      id: true,
      slug: true,
      ...versionedFieldsSelect,
      publishedVersion: {
        select: { id: true, number: true, actions: true, ...versionedFieldsSelect },
      },
      actions: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  const version = source === "published" ? gpt.publishedVersion : null;
  if (source === "published" && !version) {
    throw new AppError("bad_request", "This GPT has no published version yet. Export the draft.");
  }
  const [packageGpt, knowledge] = await Promise.all([
    packageGptOf(version ?? gpt),
    collectKnowledgeFiles({
      gptId: gpt.id,
      versionId: version?.id ?? null,
      withBytes: withKnowledgeBytes,
    }),
  ]);
  const pkg: GptPackage = {
    format: GPT_PACKAGE_FORMAT,
    version: GPT_PACKAGE_VERSION,
    exportedAt: new Date().toISOString(),
    source: {
      instance: new URL(appUrl).host,
      gptId: gpt.id,
      slug: gpt.slug,
      versionNumber: version?.number ?? null,
    },
    gpt: packageGpt,
    // Described without credentials (no key, no OAuth client): see toPackageAction.
    actions: (version
      ? definitionsFromVersion(version.actions)
      : gpt.actions.map(definitionFromRow)
    ).map(toPackageAction),
    knowledge: knowledge.map((item) => item.entry),
  };
  return { slug: gpt.slug, pkg, knowledge };
}

/**
 * The downloadable package: `<slug>.atelier-gpt.json`, or `<slug>.atelier-gpt.zip` holding
 * gpt.json plus `knowledge/<name>` for each knowledge file (the JSON form lists them only).
 */
export async function exportGptPackage({
  actor,
  gptId,
  source,
  container,
}: {
  actor: Actor;
  gptId: string;
  source: GptPackageSource;
  container: GptPackageContainer;
}): Promise<ExportedGptPackage> {
  const { slug, pkg, knowledge } = await buildGptPackage({
    actor,
    gptId,
    source,
    withKnowledgeBytes: container === "zip",
  });
  const baseName = `${slug}.atelier-gpt`;
  if (container === "json") {
    // The .json form lists the knowledge files but cannot carry them (they are binary): an
    // import of it says which files were not included. The zip carries them.
    return {
      fileName: `${baseName}.json`,
      contentType: "application/json; charset=utf-8",
      bytes: strToU8(`${JSON.stringify(pkg, null, 2)}\n`),
    };
  }
  const entries: Zippable = {
    [GPT_PACKAGE_JSON_NAME]: strToU8(`${JSON.stringify(pkg, null, 2)}\n`),
  };
  for (const { file } of knowledge) entries[file.path] = file.bytes;
  return {
    fileName: `${baseName}.zip`,
    contentType: "application/zip",
    bytes: zipSync(entries, { level: 6 }),
  };
}
