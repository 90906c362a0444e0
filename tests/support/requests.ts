/**
 * Requests for calling route handlers directly, as the app's own pages send them: from the app's
 * origin (the route wrapper refuses state-changing requests from other sites, lib/http/same-origin)
 * and, with a body, as JSON.
 */
export const TEST_ORIGIN = "http://localhost";

type RequestOptions = {
  method?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** Sent as multipart/form-data (uploads). */
  form?: FormData;
  /**
   * Replace the defaults whatever their case (`Origin` replaces `origin`); null removes one, e.g.
   * `{ origin: null }` for a request that names no origin.
   */
  headers?: Record<string, string | null>;
};

/** `path` is relative to TEST_ORIGIN ("/api/…"), or an absolute URL. */
export function appRequest(path: string, options: RequestOptions = {}): Request {
  const { method = "GET", body, form, headers = {} } = options;
  const merged = new Headers({ origin: TEST_ORIGIN });
  if (body !== undefined) merged.set("content-type", "application/json");
  for (const [name, value] of Object.entries(headers)) {
    if (value === null) merged.delete(name);
    else merged.set(name, value);
  }
  return new Request(new URL(path, TEST_ORIGIN), {
    method,
    headers: merged,
    body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
}

export const segment = <T>(params: T) => ({ params: Promise.resolve(params) });
