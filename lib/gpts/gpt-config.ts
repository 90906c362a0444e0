/**
 * The versioned part of a GPT: what publishing snapshots into a GptVersion, what "restore to
 * draft" copies back, what the version diff compares, and what a remix copies. Browser-safe.
 * Sharing settings (visibility, allowRemix) are deliberately not here: they take effect at once.
 */
export const VERSIONED_FIELDS = [
  "name",
  "description",
  "instructions",
  "conversationStarters",
  "categoryId",
  "modelConfigId",
  "avatarKey",
  "avatarColor",
  "temperature",
  "capabilities",
  "knowledgeTopK",
  "knowledgeMinScore",
  "hideKnowledgeSources",
  "knowledgeOnly",
] as const;

export type VersionedField = (typeof VERSIONED_FIELDS)[number];

export type GptConfig = {
  name: string;
  description: string;
  instructions: string;
  conversationStarters: string[];
  categoryId: string | null;
  modelConfigId: string | null;
  avatarKey: string | null;
  avatarColor: string | null;
  temperature: number | null;
  capabilities: string[];
  knowledgeTopK: number;
  knowledgeMinScore: number;
  hideKnowledgeSources: boolean;
  knowledgeOnly: boolean;
};

/** Picks the versioned fields from a Gpt (draft) or GptVersion row. */
export function configOf(source: GptConfig): GptConfig {
  return {
    name: source.name,
    description: source.description,
    instructions: source.instructions,
    conversationStarters: [...source.conversationStarters],
    categoryId: source.categoryId,
    modelConfigId: source.modelConfigId,
    avatarKey: source.avatarKey,
    avatarColor: source.avatarColor,
    temperature: source.temperature,
    capabilities: [...source.capabilities].sort(),
    knowledgeTopK: source.knowledgeTopK,
    knowledgeMinScore: source.knowledgeMinScore,
    hideKnowledgeSources: source.hideKnowledgeSources,
    knowledgeOnly: source.knowledgeOnly,
  };
}

export function isSameFieldValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Fields whose values differ between two configurations, in display order. */
export function changedFields(a: GptConfig, b: GptConfig): VersionedField[] {
  const left = configOf(a);
  const right = configOf(b);
  return VERSIONED_FIELDS.filter((field) => !isSameFieldValue(left[field], right[field]));
}

/** Prisma select for the versioned fields (same names on Gpt and GptVersion). */
export const versionedFieldsSelect = Object.fromEntries(
  VERSIONED_FIELDS.map((field) => [field, true]),
) as { [K in VersionedField]: true };
