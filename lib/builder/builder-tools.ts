import "server-only";
import { type ToolSet, tool } from "ai";
import type { Actor } from "../auth/session";
import { isAppError } from "../errors";
import { applyBuilderChange } from "./apply-builder-change";
import { BUILDER_FIELD_LABELS } from "./fields";
import {
  BUILDER_TOOL_FIELDS,
  type BuilderToolName,
  type BuilderToolOutput,
  builderToolInputSchemas,
} from "./schemas";
import type { BuilderPromptCategory } from "./system-prompt";

/** What the model reads back from a tool (the browser gets the full BuilderToolOutput). */
export function summarizeToolOutput(output: BuilderToolOutput): string {
  const label =
    output.status === "applied" || output.status === "proposed"
      ? BUILDER_FIELD_LABELS[output.change.field]
      : BUILDER_FIELD_LABELS[output.field];
  switch (output.status) {
    case "applied":
      return `${label} updated.`;
    case "proposed":
      return `${label} NOT changed: the creator edited it by hand since you last set it. Your version is saved as a proposal they can apply or dismiss; tell them so.`;
    case "unchanged":
      return `${label} already has this value.`;
    case "error":
      return `${label} NOT changed: ${output.message}`;
  }
}

/** A category by slug or name, case-insensitively. */
export function findCategory(
  categories: BuilderPromptCategory[],
  wanted: string,
): BuilderPromptCategory | null {
  const key = wanted.trim().toLowerCase();
  return (
    categories.find(
      (category) => category.slug.toLowerCase() === key || category.name.toLowerCase() === key,
    ) ?? null
  );
}

/**
 * The builder assistant's tools for one turn. Calls run one at a time (the model may send several
 * in one step) so each applied change moves the draft from the revision the previous one left.
 */
export function builderTools({
  actor,
  gptId,
  messageId,
  revision,
  categories,
}: {
  actor: Actor;
  gptId: string;
  messageId: string;
  /** The revision the editor saved before the turn; every applied change bumps it. */
  revision: number;
  categories: BuilderPromptCategory[];
}): ToolSet {
  let currentRevision = revision;
  let queue: Promise<unknown> = Promise.resolve();

  const setField = (name: BuilderToolName, value: unknown): Promise<BuilderToolOutput> => {
    const field = BUILDER_TOOL_FIELDS[name];
    const task = async (): Promise<BuilderToolOutput> => {
      try {
        const outcome = await applyBuilderChange({
          actor,
          gptId,
          messageId,
          field,
          value,
          revision: currentRevision,
        });
        if (outcome.status === "applied") currentRevision = outcome.revision;
        return outcome;
      } catch (error) {
        if (!isAppError(error)) throw error;
        return {
          status: "error",
          field,
          message: error.fieldErrors?.[field]?.[0] ?? error.message,
        };
      }
    };
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const toModelOutput = ({ output }: { output: BuilderToolOutput }) => ({
    type: "text" as const,
    value: summarizeToolOutput(output),
  });

  return {
    set_name: tool({
      description: "Set the GPT's name.",
      inputSchema: builderToolInputSchemas.set_name,
      execute: ({ name }) => setField("set_name", name),
      toModelOutput,
    }),
    set_description: tool({
      description: "Set the GPT's short description shown in the store.",
      inputSchema: builderToolInputSchemas.set_description,
      execute: ({ description }) => setField("set_description", description),
      toModelOutput,
    }),
    set_instructions: tool({
      description: "Replace the GPT's instructions with a complete new version.",
      inputSchema: builderToolInputSchemas.set_instructions,
      execute: ({ instructions }) => setField("set_instructions", instructions),
      toModelOutput,
    }),
    set_conversation_starters: tool({
      description: "Set the conversation starters offered to users (replaces the current ones).",
      inputSchema: builderToolInputSchemas.set_conversation_starters,
      execute: ({ starters }) => setField("set_conversation_starters", starters),
      toModelOutput,
    }),
    set_category: tool({
      description: "Put the GPT in one of the store's categories.",
      inputSchema: builderToolInputSchemas.set_category,
      execute: async ({ category }): Promise<BuilderToolOutput> => {
        const found = findCategory(categories, category);
        if (found) return setField("set_category", found.id);
        const known = categories.map((candidate) => candidate.slug).join(", ") || "none";
        return {
          status: "error",
          field: "categoryId",
          message: `There is no category "${category}". Categories: ${known}.`,
        };
      },
      toModelOutput,
    }),
    set_avatar: tool({
      description: "Choose the background colour of the GPT's generated profile picture.",
      inputSchema: builderToolInputSchemas.set_avatar,
      execute: ({ color }) => setField("set_avatar", color),
      toModelOutput,
    }),
  };
}
