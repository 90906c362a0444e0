import { appUrl } from "../env";
import { normaliseOrigin } from "./schemas";

/**
 * The website asking for a widget session. The loader script on the host page calls the session
 * endpoint cross-origin, so the browser's own `Origin` header names the site (a page cannot set
 * it). The iframe-only snippet has no loader: the frame asks itself, same-origin, and names its
 * embedder (`?embedder=`, from location.ancestorOrigins or the referrer); that claim is safe to
 * take because the frame only renders where its `frame-ancestors` policy (the allowed sites)
 * lets it. Outside a browser anyone can send any Origin header, which no check could stop:
 * the limits and the daily budget are what bound that.
 */
export function websiteOriginOf(request: Request): string | null {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && !isAppOrigin(origin, request)) {
    const parsed = normaliseOrigin(origin);
    return "origin" in parsed ? parsed.origin : null;
  }
  const claimed = new URL(request.url).searchParams.get("embedder");
  if (!claimed) return null;
  const parsed = normaliseOrigin(claimed);
  return "origin" in parsed ? parsed.origin : null;
}

function isAppOrigin(origin: string, request: Request): boolean {
  return origin === new URL(appUrl).origin || origin === new URL(request.url).origin;
}
