import "server-only";
import type { z } from "zod";
import { type ApiCaller, authenticateApiKey } from "../api-keys/authenticate-api-key";
import type { ApiKeyScope } from "../api-keys/schemas";
import { AppError, type AppErrorCode, httpStatusOf, isAppError } from "../errors";
import { toApiError } from "./management/api-errors";

type Context<TBody, TParams> = ApiCaller & { request: Request; body: TBody; params: TParams };

/**
 * Wraps an /api/v1 route handler: authenticates the bearer API key with the scope the route needs
 * (lib/api-keys/authenticate-api-key), parses the JSON body with the zod schema, and answers
 * errors in OpenAI's error shape, so the official `openai` client (and anything built for it)
 * raises the right error class. No same-origin check: keys, not cookies, authenticate here, so a
 * page on another site has nothing to forge with.
 */
export function apiRoute<TSchema extends z.ZodType | undefined, TParams = Record<string, string>>(
  options: { scope: ApiKeyScope; body?: TSchema },
  handler: (
    context: Context<TSchema extends z.ZodType ? z.infer<TSchema> : undefined, TParams>,
  ) => Promise<unknown>,
) {
  return async (request: Request, segment: { params: Promise<TParams> }) => {
    try {
      const caller = await authenticateApiKey(request, { scope: options.scope });
      let body: unknown;
      if (options.body) {
        const json = await request.json().catch(() => {
          throw new AppError("bad_request", "The request body must be JSON.");
        });
        const parsed = options.body.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const param = issue?.path.join(".") || null;
          throw new AppError(
            "bad_request",
            param ? `Invalid '${param}': ${issue.message}` : (issue?.message ?? "Invalid request."),
            undefined,
            { details: { param } },
          );
        }
        body = parsed.data;
      }
      const params = (await segment?.params) ?? ({} as TParams);
      const result = await handler({ ...caller, request, body: body as never, params });
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true });
    } catch (error) {
      return apiErrorResponse(error);
    }
  };
}

const typeByCode: Record<AppErrorCode, string> = {
  unauthorized: "authentication_error",
  forbidden: "permission_error",
  not_found: "invalid_request_error",
  bad_request: "invalid_request_error",
  conflict: "invalid_request_error",
  rate_limited: "rate_limit_error",
  limit_exceeded: "insufficient_quota",
  unavailable: "server_error",
  busy: "server_error",
};

/**
 * OpenAI's error body: `{ error: { message, type, param, code } }`. Out of allowance or credits is
 * 429 `insufficient_quota`, as OpenAI answers it (the SDK raises RateLimitError; it does not retry
 * on that code's Retry-After-less answer). Unknown errors are logged, never echoed.
 */
export function apiErrorResponse(thrown: unknown): Response {
  const error = toApiError(thrown);
  if (!isAppError(error)) {
    console.error("[atelier] unexpected API error", error);
    return openAiError(500, {
      message: "Something went wrong on our side. Please try again.",
      type: "server_error",
      code: "internal_error",
    });
  }
  const details = error.details ?? {};
  const status = error.code === "limit_exceeded" ? 429 : httpStatusOf(error.code);
  const code =
    typeof details.reason === "string"
      ? details.reason
      : error.code === "limit_exceeded"
        ? "insufficient_quota"
        : error.code;
  return openAiError(
    status,
    {
      message: error.message,
      type: typeByCode[error.code],
      param: typeof details.param === "string" ? details.param : null,
      code,
    },
    error.retryAfterSeconds,
  );
}

function openAiError(
  status: number,
  error: { message: string; type: string; param?: string | null; code: string },
  retryAfterSeconds?: number,
): Response {
  return Response.json(
    { error: { param: null, ...error } },
    {
      status,
      headers: retryAfterSeconds !== undefined ? { "Retry-After": String(retryAfterSeconds) } : {},
    },
  );
}
