import type { z } from "zod";
import { AppError } from "../errors";

/**
 * Parses domain input, turning a validation failure into the same `bad_request` AppError (with
 * field errors keyed by path, e.g. "conversationStarters.0") that the route wrapper produces, so
 * callers other than routes (server actions, scripts) get a user-safe error, not a ZodError.
 */
export function parseInput<TSchema extends z.ZodType>(
  schema: TSchema,
  input: unknown,
): z.output<TSchema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  throw new AppError("bad_request", "Check the highlighted fields.", fieldErrors);
}
