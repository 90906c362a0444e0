import { z } from "zod";
import { MESSAGE_MAX_CHARS } from "../chat/schemas";
import { GPT_LIMITS } from "../gpts/schemas";
import { AVATAR_COLORS } from "../utils/avatar-colors";
import type { BuilderField } from "./fields";

/**
 * Input schemas of the builder assistant's tools (what the model sees) and of the builder API.
 * The tools take loose strings on purpose: the field rules are checked with the draft form's own
 * zod schema when a change is applied, so the model gets the same message the form would show.
 */
export const builderToolInputSchemas = {
  set_name: z.object({
    name: z
      .string()
      .describe(`The GPT's name: short and memorable, at most ${GPT_LIMITS.name} characters.`),
  }),
  set_description: z.object({
    description: z
      .string()
      .describe(
        `One or two sentences shown in the store, at most ${GPT_LIMITS.description} characters.`,
      ),
  }),
  set_instructions: z.object({
    instructions: z
      .string()
      .describe(
        `The GPT's complete instructions (they replace the current ones), written to the GPT in the second person, at most ${GPT_LIMITS.instructions} characters.`,
      ),
  }),
  set_conversation_starters: z.object({
    starters: z
      .array(z.string())
      .describe(
        `Up to ${GPT_LIMITS.starters} example prompts a user could start a chat with, each under ${GPT_LIMITS.starterLength} characters.`,
      ),
  }),
  set_category: z.object({
    category: z.string().describe("The slug (or name) of one of the listed categories."),
  }),
  set_avatar: z.object({
    color: z
      .enum(AVATAR_COLORS)
      .describe("Background colour of the profile picture; the initials come from the name."),
  }),
} as const;

export type BuilderToolName = keyof typeof builderToolInputSchemas;

/** Which draft field each tool sets. */
export const BUILDER_TOOL_FIELDS: Record<BuilderToolName, BuilderField> = {
  set_name: "name",
  set_description: "description",
  set_instructions: "instructions",
  set_conversation_starters: "conversationStarters",
  set_category: "categoryId",
  set_avatar: "avatarColor",
};

export const builderTurnRequestSchema = z.object({
  message: z
    .string()
    .trim()
    .min(1, "Type a message first.")
    .max(
      MESSAGE_MAX_CHARS,
      `Messages are limited to ${MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters.`,
    ),
  /** The draft revision the editor saved last; a stale one is a conflict. */
  revision: z.number().int().positive(),
  /** A retry re-asks the saved message instead of saving it twice. */
  trigger: z.enum(["submit-message", "regenerate-message"]).default("submit-message"),
});
export type BuilderTurnRequest = z.infer<typeof builderTurnRequestSchema>;

export const builderChangeActionSchema = z.object({
  action: z.enum(["undo", "apply", "dismiss"]),
  revision: z.number().int().positive(),
});
export type BuilderChangeAction = z.infer<typeof builderChangeActionSchema>["action"];

export type BuilderChangeStatus = "APPLIED" | "PROPOSED" | "UNDONE" | "DISMISSED";

export type BuilderChangeView = {
  id: string;
  /** The assistant message whose tool call made the change. */
  messageId: string | null;
  field: BuilderField;
  before: unknown;
  after: unknown;
  status: BuilderChangeStatus;
  createdAt: string;
};

/** What a builder tool returns to the browser (the model gets a one-line summary instead). */
export type BuilderToolOutput =
  | { status: "applied"; change: BuilderChangeView; revision: number }
  | { status: "proposed"; change: BuilderChangeView }
  | { status: "unchanged"; field: BuilderField }
  | { status: "error"; field: BuilderField; message: string };

/** The result of undo / apply / dismiss: the change, and the draft field when it changed. */
export type BuilderChangeActionResult = {
  change: BuilderChangeView;
  revision: number;
  /** Set for undo and apply: the field's new value in the draft. */
  draft?: { field: BuilderField; value: unknown };
};
