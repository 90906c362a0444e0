import "server-only";
import type { z } from "zod";
import { AppError, isAppError } from "../../errors";

/**
 * The domain functions report invalid input as `fieldErrors` (the UI highlights the fields); the
 * API's OpenAI-shaped errors carry one `param` and a message instead (lib/api/api-route.ts
 * applies this to every error). This names the first field as `param` and folds every field's
 * messages into the message, so an API caller learns what the UI would have highlighted.
 */
export function toApiError(error: unknown): unknown {
  if (!isAppError(error) || !error.fieldErrors || typeof error.details?.param === "string") {
    return error;
  }
  const entries = Object.entries(error.fieldErrors).filter(([, messages]) => messages.length > 0);
  if (entries.length === 0) return error;
  const lines = entries.flatMap(([field, messages]) =>
    messages.map((message) => (field === "_" ? message : `${field}: ${message}`)),
  );
  const isOnlyTheMessage = entries.length === 1 && entries[0][1].every((m) => m === error.message);
  const message = isOnlyTheMessage ? error.message : `${error.message} ${lines.join(" ")}`;
  const param = entries[0][0] === "_" ? null : entries[0][0];
  return new AppError(error.code, message, error.fieldErrors, {
    retryAfterSeconds: error.retryAfterSeconds,
    details: { ...error.details, param },
  });
}

/** Parses the query string; an invalid value is a 400 naming the parameter. */
export function parseQuery<TSchema extends z.ZodType>(
  schema: TSchema,
  request: Request,
): z.output<TSchema> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue?.path.join(".") || null;
  throw new AppError(
    "bad_request",
    param ? `Invalid '${param}': ${issue.message}` : "Invalid query.",
    undefined,
    { details: { param } },
  );
}

/** 413 in OpenAI's error shape (AppError has no code for it; the UI's upload route answers 413). */
export function payloadTooLarge(message: string, param = "file"): Response {
  return Response.json(
    { error: { message, type: "invalid_request_error", param, code: "payload_too_large" } },
    { status: 413 },
  );
}
