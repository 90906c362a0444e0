import { diffLines } from "diff";
import { capabilityLabel } from "./capabilities";
import {
  configOf,
  type GptConfig,
  isSameFieldValue,
  VERSIONED_FIELDS,
  type VersionedField,
} from "./gpt-config";

/**
 * Compares two GPT configurations field by field for the version history ("what would restoring
 * this version change?"). Pure and browser-safe: the server computes it, tests pin it down, and
 * nothing here needs the database (category and model names come in as plain maps).
 */

export const VERSIONED_FIELD_LABELS: Record<VersionedField, string> = {
  name: "Name",
  description: "Description",
  instructions: "Instructions",
  conversationStarters: "Conversation starters",
  categoryId: "Category",
  modelConfigId: "Model",
  avatarKey: "Profile picture",
  avatarColor: "Avatar colour",
  temperature: "Temperature",
  capabilities: "Capabilities",
  knowledgeTopK: "Passages per answer",
  knowledgeMinScore: "Minimum relevance",
  hideKnowledgeSources: "Hide file names in citations",
  knowledgeOnly: "Answer only from knowledge",
};

/** Long text is compared line by line; everything else as a before/after value. */
const LINE_FIELDS: ReadonlySet<VersionedField> = new Set([
  "description",
  "instructions",
  "conversationStarters",
]);

export type DiffLine = { kind: "added" | "removed" | "unchanged"; text: string };

export type FieldDiff = {
  field: VersionedField;
  label: string;
  isChanged: boolean;
} & ({ kind: "lines"; lines: DiffLine[] } | { kind: "value"; before: string; after: string });

/** A knowledge file as the version diff names it (ids tell apart two files of the same name). */
export type KnowledgeFileRef = { id: string; name: string };

/**
 * Knowledge files are versioned as a set (GptVersionKnowledgeFile), not as a field: `added` are in
 * `after` only, `removed` in `before` only. `summary` reads "Knowledge files: + a.pdf, − b.docx".
 */
export type KnowledgeFilesDiff = {
  isChanged: boolean;
  added: KnowledgeFileRef[];
  removed: KnowledgeFileRef[];
  summary: string | null;
};

export type ConfigDiff = {
  fields: FieldDiff[];
  changedFields: VersionedField[];
  knowledgeFiles: KnowledgeFilesDiff;
};

const byName = (a: KnowledgeFileRef, b: KnowledgeFileRef) =>
  a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** The files added and removed between two knowledge file sets. */
export function diffKnowledgeFiles(
  before: KnowledgeFileRef[],
  after: KnowledgeFileRef[],
): KnowledgeFilesDiff {
  const beforeIds = new Set(before.map((file) => file.id));
  const afterIds = new Set(after.map((file) => file.id));
  const added = after.filter((file) => !beforeIds.has(file.id)).sort(byName);
  const removed = before.filter((file) => !afterIds.has(file.id)).sort(byName);
  const isChanged = added.length > 0 || removed.length > 0;
  const parts = [
    ...added.map((file) => `+ ${file.name}`),
    ...removed.map((file) => `\u2212 ${file.name}`),
  ];
  return {
    isChanged,
    added,
    removed,
    summary: isChanged ? `Knowledge files: ${parts.join(", ")}` : null,
  };
}

/** Display names for the ids a configuration references (missing ids render as "removed"). */
export type ReferenceNames = {
  categories: Record<string, string>;
  models: Record<string, string>;
};

/**
 * Line diff of two texts. Both are given a final newline first, so appending a line after a last
 * line without one shows one added line rather than the last line removed and re-added.
 */
export function diffTextLines(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(withFinalNewline(before), withFinalNewline(after))) {
    const kind = change.added ? "added" : change.removed ? "removed" : "unchanged";
    const texts = change.value.replace(/\n$/, "").split("\n");
    for (const text of texts) lines.push({ kind, text });
  }
  return lines;
}

function withFinalNewline(text: string): string {
  const normalized = text.replace(/\r\n?/g, "\n");
  return normalized === "" || normalized.endsWith("\n") ? normalized : `${normalized}\n`;
}

function lineText(field: VersionedField, config: GptConfig): string {
  return field === "conversationStarters"
    ? config.conversationStarters.join("\n")
    : String(config[field] ?? "");
}

function formatValue(
  field: VersionedField,
  config: GptConfig,
  other: GptConfig,
  names: ReferenceNames,
): string {
  switch (field) {
    case "categoryId":
      return config.categoryId
        ? (names.categories[config.categoryId] ?? "Deleted category")
        : "No category";
    case "modelConfigId":
      return config.modelConfigId
        ? (names.models[config.modelConfigId] ?? "Deleted model")
        : "Default model";
    case "avatarKey":
      if (!config.avatarKey) return "Generated from initials";
      // Two different uploads would otherwise read the same on both sides.
      return other.avatarKey && other.avatarKey !== config.avatarKey
        ? `Uploaded picture (${config.avatarKey.split("/").pop()?.slice(0, 8)}…)`
        : "Uploaded picture";
    case "avatarColor":
      return config.avatarColor ?? "Automatic";
    case "temperature":
      return config.temperature === null ? "Model default" : String(config.temperature);
    case "capabilities":
      return config.capabilities.length > 0
        ? config.capabilities.map(capabilityLabel).join(", ")
        : "None";
    default:
      return String(config[field] ?? "") || "(empty)";
  }
}

/**
 * Every versioned field of `before` (e.g. a version) against `after` (e.g. the draft), and their
 * knowledge file sets when given (the draft's READY files against the version's).
 */
export function diffConfigs({
  before,
  after,
  names,
  files,
}: {
  before: GptConfig;
  after: GptConfig;
  names: ReferenceNames;
  files?: { before: KnowledgeFileRef[]; after: KnowledgeFileRef[] };
}): ConfigDiff {
  const left = configOf(before);
  const right = configOf(after);
  const fields = VERSIONED_FIELDS.map((field): FieldDiff => {
    const base = {
      field,
      label: VERSIONED_FIELD_LABELS[field],
      isChanged: !isSameFieldValue(left[field], right[field]),
    };
    if (LINE_FIELDS.has(field)) {
      return {
        ...base,
        kind: "lines",
        lines: diffTextLines(lineText(field, left), lineText(field, right)),
      };
    }
    return {
      ...base,
      kind: "value",
      before: formatValue(field, left, right, names),
      after: formatValue(field, right, left, names),
    };
  });
  return {
    fields,
    changedFields: fields.filter((diff) => diff.isChanged).map((diff) => diff.field),
    knowledgeFiles: diffKnowledgeFiles(files?.before ?? [], files?.after ?? []),
  };
}
