import type { ActionOperationView } from "@/lib/gpt-actions/types";

/** The model reads descriptions; past this it may be cut off (OpenAI's limit for GPT actions). */
export const DESCRIPTION_WARN_CHARS = 300;

/**
 * The server's warnings, plus the two the builder always checks, unless the server already said
 * the same thing.
 */
export function operationWarnings(operation: ActionOperationView): string[] {
  const warnings = [...operation.warnings];
  const mentions = (word: string) => warnings.some((warning) => warning.includes(word));
  if (operation.method !== "TOOL" && !operation.operationId && !mentions("operationId")) {
    warnings.push(`No operationId: the model sees it as “${operation.toolName}”.`);
  }
  if (
    operation.description.length > DESCRIPTION_WARN_CHARS &&
    !mentions(String(DESCRIPTION_WARN_CHARS))
  ) {
    warnings.push(
      `The description is ${operation.description.length} characters; keep it under ${DESCRIPTION_WARN_CHARS}.`,
    );
  }
  return warnings;
}
