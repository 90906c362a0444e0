/**
 * Browser-side JSON requests to our own API. Errors keep the server's message and field errors
 * (`{ error: { code, message, fieldErrors } }`, see lib/errors.ts) so forms can show them.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fieldErrors: Record<string, string[]>;

  constructor(options: {
    code: string;
    status: number;
    message: string;
    fieldErrors?: Record<string, string[]>;
  }) {
    super(options.message);
    this.name = "ApiError";
    this.code = options.code;
    this.status = options.status;
    this.fieldErrors = options.fieldErrors ?? {};
  }
}

export async function requestJson<T>(
  url: string,
  options: { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method,
      headers: options.body === undefined ? undefined : { "content-type": "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({
      code: "network",
      status: 0,
      message: "Network error. Check your connection and try again.",
    });
  }
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError({
      code: payload?.error?.code ?? "internal",
      status: response.status,
      message: payload?.error?.message ?? "Something went wrong. Please try again.",
      fieldErrors: payload?.error?.fieldErrors,
    });
  }
  return payload as T;
}
