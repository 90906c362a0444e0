/**
 * CORS for the session endpoint, which the loader calls from the creator's website. Any site may
 * read the answer, refusals included (so the loader can log why): it grants nothing by itself,
 * since the token names the site the browser reported and every chat request checks that site
 * again. No credentials: the widget uses no cookies.
 */
export function withEmbedCors(response: Response, request: Request): Response {
  const origin = request.headers.get("origin");
  if (!origin) return response;
  const headers = new Headers(response.headers);
  headers.set("Access-Control-Allow-Origin", origin);
  headers.append("Vary", "Origin");
  headers.set("Cache-Control", "no-store");
  return new Response(response.body, { status: response.status, headers });
}

/**
 * The answer to a CORS preflight for the session endpoint. The loader's GET needs none, but a
 * host page or browser extension that adds request headers turns it into a preflighted request.
 */
export function embedPreflight(request: Request): Response {
  const headers = new Headers({
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  });
  const origin = request.headers.get("origin");
  if (origin) headers.set("Access-Control-Allow-Origin", origin);
  const requested = request.headers.get("access-control-request-headers");
  if (requested) headers.set("Access-Control-Allow-Headers", requested);
  return new Response(null, { status: 204, headers });
}
