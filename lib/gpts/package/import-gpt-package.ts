import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError, isAppError } from "../../errors";
import { insertActionCopies } from "../../gpt-actions/copy-actions";
import type { ActionDefinition } from "../../gpt-actions/definition";
import { fromPackageAction } from "../../gpt-actions/package-actions";
import { getEgressPolicy } from "../../security/egress-policy";
import { deleteObject } from "../../storage/storage";
import { storeAvatarImage } from "../avatar/store-avatar-image";
import { capabilityLabel } from "../capabilities";
import { unavailableCapabilities } from "../capability-availability";
import { parseInput } from "../parse-input";
import { type GptDraft, gptDraftSchema } from "../schemas";
import { makeGptSlug } from "../slug";
import { validateDraftAdditions, validateDraftReferences } from "../validate-references";
import {
  createPackageKnowledgeRows,
  discardPackageKnowledgeBlobs,
  type ImportedKnowledgeFile,
  queuePackageKnowledge,
  storePackageKnowledgeBlobs,
  validatePackageKnowledge,
} from "./package-knowledge";
import type { GptPackage } from "./package-schema";
import { readGptPackage } from "./read-gpt-package";

export type ImportedGpt = { id: string; slug: string; warnings: string[] };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Maps the package's category and model hints to this instance's rows, warning on misses. */
async function resolveReferences(gpt: GptPackage["gpt"], warnings: string[]) {
  const [category, model] = await Promise.all([
    gpt.category
      ? prisma.category.findUnique({ where: { slug: gpt.category.slug }, select: { id: true } })
      : null,
    gpt.model
      ? prisma.modelConfig.findFirst({
          where: { modelId: gpt.model.modelId, isEnabled: true },
          orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
          select: { id: true },
        })
      : null,
  ]);
  if (gpt.category && !category) {
    const label = gpt.category.name ? ` (${gpt.category.name})` : "";
    warnings.push(
      `Category "${gpt.category.slug}"${label} does not exist here, so the GPT has no category.`,
    );
  }
  if (gpt.model && !model) {
    warnings.push(
      `Model "${gpt.model.modelId}" is not available here, so the GPT uses the default model.`,
    );
  }
  return { categoryId: category?.id ?? null, modelConfigId: model?.id ?? null };
}

/** Decodes, checks and stores the packaged picture; its problems are reported at its path. */
async function storePackageAvatar(ownerId: string, dataUri: string): Promise<string> {
  const bytes = Buffer.from(dataUri.slice(dataUri.indexOf(",") + 1), "base64");
  try {
    const { key } = await storeAvatarImage({ ownerId, bytes: new Uint8Array(bytes) });
    return key;
  } catch (error) {
    if (isAppError(error) && error.code === "bad_request") {
      throw new AppError("bad_request", "This file is not a valid GPT package.", {
        "gpt.avatar.dataUri": [error.message],
      });
    }
    throw error;
  }
}

/**
 * Creates a new private, unpublished draft owned by the actor from an uploaded package (.json or
 * .zip). All-or-nothing: the whole package is validated (picture included) before anything is
 * written; the picture is stored just before the one transaction that creates the GPT, and
 * deleted again if that transaction fails. Hints this instance can't honour (unknown category or
 * model, capabilities it can't serve, actions that need credentials entered, knowledge files a JSON
 * package lists but cannot carry) become `warnings`, not failures. A capability key no Atelier
 * knows is an error (package-schema.ts).
 *
 * Knowledge files of a zip are checked first (size, SHA-256, count and size limits, type by
 * content): one bad file fails the import with its name and `knowledge.<index>` path, and
 * nothing is created. Good ones are stored with the picture, created QUEUED in the same
 * transaction as the GPT, and queued for processing once it has committed.
 */
export async function importGptPackage({
  actor,
  bytes,
}: {
  actor: Actor;
  bytes: Uint8Array;
}): Promise<ImportedGpt> {
  const { pkg, knowledgeFiles } = readGptPackage(bytes);
  const warnings: string[] = [];
  const references = await resolveReferences(pkg.gpt, warnings);
  const unavailable = unavailableCapabilities(pkg.gpt.capabilities);
  if (unavailable.length > 0) {
    warnings.push(
      `${unavailable.map(capabilityLabel).join(", ")} ${unavailable.length === 1 ? "is" : "are"} not available on this instance, so ${unavailable.length === 1 ? "it is" : "they are"} switched off.`,
    );
  }
  const actions = await importedActions(pkg.actions, warnings);
  if (knowledgeFiles.length === 0 && pkg.knowledge.length > 0) {
    const names = pkg.knowledge.map((entry) => entry.name).join(", ");
    warnings.push(
      `${plural(pkg.knowledge.length, "knowledge file")} listed but not included (${names}): only the .zip form of a package carries the files.`,
    );
  }
  const knowledge: ImportedKnowledgeFile[] = await validatePackageKnowledge({
    ownerId: actor.id,
    entries: pkg.knowledge,
    files: knowledgeFiles,
  });
  const draft: GptDraft = parseInput(gptDraftSchema, {
    name: pkg.gpt.name,
    description: pkg.gpt.description,
    instructions: pkg.gpt.instructions,
    conversationStarters: pkg.gpt.conversationStarters,
    ...references,
    avatarKey: null,
    avatarColor: pkg.gpt.avatar?.color ?? null,
    temperature: pkg.gpt.temperature,
    knowledgeTopK: pkg.gpt.knowledgeTopK,
    knowledgeMinScore: pkg.gpt.knowledgeMinScore,
    hideKnowledgeSources: pkg.gpt.hideKnowledgeSources,
    knowledgeOnly: pkg.gpt.knowledgeOnly,
    capabilities: pkg.gpt.capabilities.filter((key) => !(unavailable as string[]).includes(key)),
    // Sharing settings are the new owner's choice, never the package's.
    allowRemix: false,
    allowKnowledgeRemix: false,
  });

  const avatarKey = pkg.gpt.avatar?.dataUri
    ? await storePackageAvatar(actor.id, pkg.gpt.avatar.dataUri)
    : null;
  try {
    await storePackageKnowledgeBlobs(knowledge);
  } catch (error) {
    if (avatarKey) await deleteObject(avatarKey).catch(() => undefined);
    throw error;
  }
  let gpt: { id: string; slug: string };
  try {
    gpt = await prisma.$transaction(async (tx) => {
      await validateDraftReferences(tx, draft);
      await validateDraftAdditions({
        ownerId: actor.id,
        draft: { ...draft, avatarKey },
        current: null,
      });
      const created = await tx.gpt.create({
        data: {
          ...draft,
          avatarKey,
          ownerId: actor.id,
          slug: makeGptSlug(draft.name),
          visibility: "PRIVATE",
        },
        select: { id: true, slug: true },
      });
      await insertActionCopies(tx, { gptId: created.id, definitions: actions });
      await createPackageKnowledgeRows(tx, {
        files: knowledge,
        gptId: created.id,
        ownerId: actor.id,
      });
      return created;
    });
  } catch (error) {
    if (avatarKey) await deleteObject(avatarKey).catch(() => undefined);
    await discardPackageKnowledgeBlobs(knowledge);
    throw error;
  }
  // After the commit (the rows exist): a failure here leaves QUEUED files that start-up recovery
  // re-queues, never blobs without rows.
  await queuePackageKnowledge(knowledge);
  return { id: gpt.id, slug: gpt.slug, warnings };
}

/** Action fields whose own URL check names them (lib/gpt-actions/package-actions.ts). */
const PACKAGE_URL_FIELDS = new Set(["auth.authorizeUrl", "auth.tokenUrl"]);

/**
 * The package's actions as draft definitions, every document and URL validated first, as the
 * action API validates them: one invalid action fails the import at `actions.<index>.<field>`,
 * before anything is written.
 */
async function importedActions(
  entries: GptPackage["actions"],
  warnings: string[],
): Promise<ActionDefinition[]> {
  if (entries.length === 0) return [];
  const policy = await getEgressPolicy();
  const definitions: ActionDefinition[] = [];
  for (const [index, entry] of entries.entries()) {
    try {
      const { definition, warning } = await fromPackageAction(entry, policy);
      definitions.push(definition);
      if (warning) warnings.push(warning);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The package field the check named (a URL), else the action's document.
      const named = Object.keys(error.fieldErrors ?? {})[0];
      const key =
        named && PACKAGE_URL_FIELDS.has(named)
          ? named
          : entry.kind === "mcp"
            ? "serverUrl"
            : "openapi";
      throw new AppError("bad_request", `Action "${entry.name}": ${error.message}`, {
        [`actions.${index}.${key}`]: [error.message],
      });
    }
  }
  return definitions;
}
