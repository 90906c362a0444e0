import { appUrl } from "../env";
import { AppError } from "../errors";

const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const CROSS_SITE_REFUSED =
  "This request did not come from this site, so it was refused. Reload the page and try again.";
export const JSON_REQUIRED = "Send this request as JSON (Content-Type: application/json).";

/**
 * Cross-site request forgery defence for cookie-authenticated requests: a state-changing request
 * must say it comes from this site, through `Sec-Fetch-Site: same-origin` or an `Origin` of the app
 * (isOwnOrigin). Browsers set both headers themselves and a page on
 * another site cannot forge them; a request with neither is refused too (every browser that
 * matters sends them, and scripts calling the API can send an Origin). SameSite=Lax cookies alone
 * left form posts with `Content-Type: text/plain` open.
 */
export function assertSameOrigin(request: Request): void {
  if (!STATE_CHANGING_METHODS.has(request.method)) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return;
  const origin = request.headers.get("origin");
  if (
    fetchSite !== "cross-site" &&
    fetchSite !== "same-site" &&
    origin &&
    isOwnOrigin(origin, request)
  ) {
    return;
  }
  throw new AppError("forbidden", CROSS_SITE_REFUSED, undefined, {
    details: { reason: "cross_site" },
  });
}

/**
 * The app's own origin: APP_URL's, or the host the browser addressed (Host, or X-Forwarded-Host
 * from a proxy), as Next's server actions compare it. A page on another site cannot set either
 * header on a browser's request, so neither can make a forged request look local.
 */
function isOwnOrigin(origin: string, request: Request): boolean {
  if (origin === new URL(appUrl).origin || origin === new URL(request.url).origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const addressed = (request.headers.get("x-forwarded-host") ?? request.headers.get("host"))
    ?.split(",")[0]
    ?.trim();
  return Boolean(addressed) && originHost === addressed;
}

/**
 * A JSON body must be declared as JSON: `text/plain` and form encodings are what a cross-site
 * form can send without a CORS preflight.
 */
export function assertJsonContentType(request: Request): void {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("bad_request", JSON_REQUIRED);
}
