import "server-only";
import type { z } from "zod";

/**
 * The body a management route sends: the domain result as JSON (dates become ISO strings), parsed
 * by the response schema the OpenAPI document publishes. Parsing strips every field the schema
 * does not name, so a domain function that grows a field never leaks it by accident, and a result
 * that no longer matches the document fails loudly (500, logged) instead of silently drifting.
 */
export function respond<TSchema extends z.ZodType>(
  schema: TSchema,
  value: unknown,
  init?: ResponseInit,
): Response {
  const json: unknown = JSON.parse(JSON.stringify(value));
  return Response.json(schema.parse(json), init);
}
