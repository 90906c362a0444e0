import { z } from "zod";
import type { ZodOpenApiResponsesObject } from "zod-openapi";
import type { ApiKeyScope } from "../../api-keys/schemas";
import { apiErrorSchema } from "../management/schemas";

/** The one security scheme: `Authorization: Bearer atl_…` (lib/api-keys/key-format.ts). */
export const SECURITY_SCHEME = "apiKey";

/**
 * The scope an operation needs, as the role list of its security requirement (OpenAPI 3.1 allows
 * role names for non-OAuth schemes). The reference page reads it back from here.
 */
export function requiresScope(scope: ApiKeyScope) {
  return { security: [{ [SECURITY_SCHEME]: [scope] }] };
}

export const ERROR_DESCRIPTIONS = {
  400: "Invalid request: `error.param` names the field.",
  401: "Missing, invalid, expired or revoked API key.",
  403: "The key lacks the scope, or the plan has no API access.",
  404: "No such resource among yours.",
  409: "The draft changed since the `revision` you sent.",
  413: "The upload is too large.",
  429: "Rate limit (Retry-After header) or out of allowance or credits (`insufficient_quota`).",
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** Error responses in OpenAI's shape; 401, 403 and 429 apply to every operation. */
export function errorResponses(...statuses: ErrorStatus[]): ZodOpenApiResponsesObject {
  const all = [...new Set<ErrorStatus>([...statuses, 401, 403, 429])].sort((a, b) => a - b);
  return Object.fromEntries(
    all.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status],
        content: { "application/json": { schema: apiErrorSchema } },
      },
    ]),
  );
}

/** A JSON request body; the example is what the reference page's curl samples send. */
export function jsonBody(schema: z.ZodType, example?: Record<string, unknown>) {
  return { required: true, content: { "application/json": { schema, example } } };
}

export function jsonResponse(schema: z.ZodType, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** A file field of a multipart body. */
export const uploadedFile = z.string().meta({ format: "binary" });
