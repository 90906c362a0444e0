export type AppErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "bad_request"
  | "conflict"
  | "rate_limited"
  | "limit_exceeded"
  | "unavailable"
  /** This server is at capacity for the moment (not the user's fault): retry after a pause. */
  | "busy";

const statusByCode: Record<AppErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  bad_request: 400,
  conflict: 409,
  rate_limited: 429,
  limit_exceeded: 402,
  unavailable: 503,
  busy: 503,
};

/** The one error type domain code throws. Its message is safe to show to the user. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: Record<string, string[]>;
  /** Sent as the Retry-After header (limits, overload): when trying again can succeed. */
  readonly retryAfterSeconds?: number;
  /** Machine-readable specifics for the client (e.g. which limit refused), sent with the error. */
  readonly details?: Record<string, string | number | boolean | null>;

  constructor(
    code: AppErrorCode,
    message: string,
    fieldErrors?: Record<string, string[]>,
    options?: {
      retryAfterSeconds?: number;
      details?: Record<string, string | number | boolean | null>;
    },
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.details = options?.details;
    if (options?.retryAfterSeconds !== undefined) {
      this.retryAfterSeconds = Math.max(1, Math.ceil(options.retryAfterSeconds));
    }
  }
}

export function httpStatusOf(code: AppErrorCode): number {
  return statusByCode[code];
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * Maps any thrown value to a JSON Response. Unknown errors are logged and replaced by a generic
 * message: database and vendor errors never reach the client.
 */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const retryAfter = error.retryAfterSeconds;
    return Response.json(
      {
        error: {
          code: error.code,
          message: error.message,
          fieldErrors: error.fieldErrors,
          ...error.details,
          ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
        },
      },
      {
        status: httpStatusOf(error.code),
        headers: retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : undefined,
      },
    );
  }
  console.error("[atelier] unexpected error", error);
  return Response.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}
