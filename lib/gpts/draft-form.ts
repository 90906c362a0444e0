import { type GptDraft, gptDraftSchema } from "./schemas";

/**
 * The editor's form state and how it maps to a saveable draft. Pure and browser-safe: the editor
 * validates with the same schema the API uses, so most mistakes show before a request is made.
 */
export type DraftFormValues = {
  name: string;
  description: string;
  instructions: string;
  /** Raw inputs, empty ones included; the schema trims and drops blanks on save. */
  conversationStarters: string[];
  modelConfigId: string | null;
  categoryId: string | null;
  avatarKey: string | null;
  avatarColor: string | null;
  temperature: number | null;
  capabilities: string[];
  knowledgeTopK: number;
  knowledgeMinScore: number;
  hideKnowledgeSources: boolean;
  knowledgeOnly: boolean;
  allowRemix: boolean;
  allowKnowledgeRemix: boolean;
};

export type DraftField = keyof DraftFormValues;

/** First message per field key ("name", "conversationStarters.2", ...). */
export type FieldErrors = Record<string, string>;

export type ParsedDraftForm =
  | { isValid: true; draft: GptDraft; snapshot: string }
  | { isValid: false; fieldErrors: FieldErrors };

export const EMPTY_DRAFT_FORM: DraftFormValues = {
  name: "",
  description: "",
  instructions: "",
  conversationStarters: [],
  modelConfigId: null,
  categoryId: null,
  avatarKey: null,
  avatarColor: null,
  temperature: null,
  capabilities: [],
  knowledgeTopK: 5,
  knowledgeMinScore: 0.1,
  hideKnowledgeSources: false,
  knowledgeOnly: false,
  allowRemix: false,
  allowKnowledgeRemix: false,
};

export function toDraftFormValues(gpt: DraftFormValues): DraftFormValues {
  return {
    name: gpt.name,
    description: gpt.description,
    instructions: gpt.instructions,
    conversationStarters: [...gpt.conversationStarters],
    modelConfigId: gpt.modelConfigId,
    categoryId: gpt.categoryId,
    avatarKey: gpt.avatarKey,
    avatarColor: gpt.avatarColor,
    temperature: gpt.temperature,
    capabilities: [...gpt.capabilities],
    knowledgeTopK: gpt.knowledgeTopK,
    knowledgeMinScore: gpt.knowledgeMinScore,
    hideKnowledgeSources: gpt.hideKnowledgeSources,
    knowledgeOnly: gpt.knowledgeOnly,
    allowRemix: gpt.allowRemix,
    allowKnowledgeRemix: gpt.allowKnowledgeRemix,
  };
}

/** A stable string for "is what's on screen what's saved?" comparisons (fixed key order). */
export function draftSnapshot(draft: GptDraft): string {
  return JSON.stringify([
    draft.name,
    draft.description,
    draft.instructions,
    draft.conversationStarters,
    draft.modelConfigId,
    draft.categoryId,
    draft.avatarKey,
    draft.avatarColor,
    draft.temperature,
    draft.capabilities,
    draft.knowledgeTopK,
    draft.knowledgeMinScore,
    draft.hideKnowledgeSources,
    draft.knowledgeOnly,
    draft.allowRemix,
    draft.allowKnowledgeRemix,
  ]);
}

export function firstFieldErrors(fieldErrors: Record<string, string[] | undefined>): FieldErrors {
  const result: FieldErrors = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (messages?.[0]) result[key] = messages[0];
  }
  return result;
}

export function parseDraftForm(values: DraftFormValues): ParsedDraftForm {
  const parsed = gptDraftSchema.safeParse(values);
  if (parsed.success) {
    return { isValid: true, draft: parsed.data, snapshot: draftSnapshot(parsed.data) };
  }
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_";
    fieldErrors[key] ??= issue.message;
  }
  return { isValid: false, fieldErrors };
}

/** The field a key such as "conversationStarters.1" belongs to. */
export function fieldOfErrorKey(key: string): string {
  return key.split(".")[0];
}

export function isEmptyDraftForm(values: DraftFormValues): boolean {
  return (
    !values.name.trim() &&
    !values.description.trim() &&
    !values.instructions.trim() &&
    values.conversationStarters.every((starter) => !starter.trim()) &&
    values.modelConfigId === null &&
    values.categoryId === null &&
    values.avatarKey === null &&
    values.avatarColor === null
  );
}
