import "server-only";
import { strToU8, type Zippable, zipSync } from "fflate";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { appUrl } from "../../env";
import { AppError } from "../../errors";
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
} from "./package-schema";
import type { PackageFile } from "./read-gpt-package";

export type GptPackageSource = "draft" | "published";
export type GptPackageContainer = "json" | "zip";

export type ExportedGptPackage = { fileName: string; contentType: string; bytes: Uint8Array };

type KnowledgeForExport = { entry: GptPackageKnowledgeEntry; file: PackageFile };

/**
 * The knowledge files of the exported configuration, with their bytes. GPTs have no knowledge
 * files yet: the knowledge issue implements this one function (the draft's files, or the files the
 * published version snapshotted) and the zip picks them up unchanged.
 */
async function collectKnowledgeFiles(_args: {
  gptId: string;
  source: GptPackageSource;
}): Promise<KnowledgeForExport[]> {
  return [];
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
}: {
  actor: Actor;
  gptId: string;
  source: GptPackageSource;
}): Promise<{ slug: string; pkg: GptPackage; knowledge: KnowledgeForExport[] }> {
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: {
      id: true,
      slug: true,
      ...versionedFieldsSelect,
      publishedVersion: { select: { number: true, ...versionedFieldsSelect } },
    },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  const version = source === "published" ? gpt.publishedVersion : null;
  if (source === "published" && !version) {
    throw new AppError("bad_request", "This GPT has no published version yet. Export the draft.");
  }
  const [packageGpt, knowledge] = await Promise.all([
    packageGptOf(version ?? gpt),
    collectKnowledgeFiles({ gptId: gpt.id, source }),
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
    // Actions are described here (never with credentials) once GPTs have them.
    actions: [],
    knowledge: knowledge.map((item) => item.entry),
  };
  return { slug: gpt.slug, pkg, knowledge };
}

/**
 * The downloadable package: `<slug>.atelier-gpt.json`, or `<slug>.atelier-gpt.zip` holding
 * gpt.json plus `knowledge/<name>` for each knowledge file.
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
  const { slug, pkg, knowledge } = await buildGptPackage({ actor, gptId, source });
  const baseName = `${slug}.atelier-gpt`;
  if (container === "json") {
    // The .json form never carries knowledge files (they are binary); the zip does.
    const document = { ...pkg, knowledge: [] };
    return {
      fileName: `${baseName}.json`,
      contentType: "application/json; charset=utf-8",
      bytes: strToU8(`${JSON.stringify(document, null, 2)}\n`),
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
