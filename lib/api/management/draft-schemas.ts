import { z } from "zod";
import { CAPABILITY_KEYS } from "../../gpts/capabilities";
import { GPT_LIMITS, gptDraftSchema } from "../../gpts/schemas";

type DraftShape = typeof gptDraftSchema.shape;
type DraftField = keyof DraftShape;

/** What each draft field means, for the OpenAPI document (the UI says it with labels). */
const FIELD_DESCRIPTIONS: Record<DraftField, string> = {
  name: "Shown in the store and at the top of the chat.",
  description: "One or two sentences shown under the name.",
  instructions:
    "What the GPT does and how it behaves (its system prompt). Only you can read them; never shown to users.",
  conversationStarters: `Up to ${GPT_LIMITS.starters} suggestions shown before the first message; blank ones are dropped.`,
  modelConfigId: "The model that answers (a model id of this instance); null: the default model.",
  categoryId: "The store category's id; null: none.",
  avatarKey: "A picture uploaded in the editor (send back the value you read); null: none.",
  avatarColor:
    "Background colour of the generated avatar, one of the editor's colours (e.g. #4f46e5); null: automatic.",
  temperature: "Sampling temperature from 0 to 2; null: the model's default.",
  capabilities: `Capabilities switched on: any of ${CAPABILITY_KEYS.join(", ")}.`,
  knowledgeTopK: "How many knowledge passages the model gets per turn (1-20).",
  knowledgeMinScore: "The least relevance (0-1) a passage needs to be used.",
  hideKnowledgeSources: "Citations show the quoted passage but not which file it came from.",
  knowledgeOnly:
    "When the files do not cover a question, the GPT says so instead of answering from general knowledge.",
  allowRemix:
    "People can see this GPT's configuration and copy it into a GPT of their own (takes effect at once).",
  allowKnowledgeRemix: "Remixes also get copies of the knowledge files (needs allowRemix).",
};

const FIELDS = Object.keys(FIELD_DESCRIPTIONS) as DraftField[];

function described<T extends z.ZodType>(field: T, description: string): T {
  return field.meta({ description }) as T;
}

/**
 * The draft's field schemas, unchanged (same checks, defaults and clean-ups as the UI's), each
 * with a description attached (`.meta()` returns a described copy; the original is untouched).
 */
const describedShape = Object.fromEntries(
  FIELDS.map((field) => [field, described(gptDraftSchema.shape[field], FIELD_DESCRIPTIONS[field])]),
) as DraftShape;

/** POST /gpts: the UI's create schema (lib/gpts/schemas.ts gptDraftSchema), described. */
export const createGptBodySchema = gptDraftSchema.extend(describedShape).meta({
  id: "GptDraft",
  description:
    "A new private draft GPT. Only `name` is required; the rest take the editor's defaults.",
});

/**
 * A field without its default: in a partial update an omitted field must stay omitted (zod 4
 * fills defaults even inside `.partial()`), or every PATCH would reset the fields it leaves out.
 * Defaults sit either on the field itself or before a clean-up transform (`.default().transform()`).
 */
function withoutDefault(field: z.ZodType): z.ZodType {
  if (field instanceof z.ZodDefault) return field.unwrap() as z.ZodType;
  if (field instanceof z.ZodPipe && field.in instanceof z.ZodDefault) {
    return (field.in.unwrap() as z.ZodType).pipe(field.out as z.ZodTransform);
  }
  return field;
}

/** PATCH /gpts/{id}: the same field checks, described, with no defaults (see withoutDefault). */
export const describedDraftShape = Object.fromEntries(
  FIELDS.map((field) => [
    field,
    described(withoutDefault(gptDraftSchema.shape[field]), FIELD_DESCRIPTIONS[field]),
  ]),
) as { [K in DraftField]: z.ZodType<z.output<DraftShape[K]>, z.input<DraftShape[K]>> };
