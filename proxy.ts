import { type NextRequest, NextResponse } from "next/server";
import { appUrl, env } from "./lib/env";
import {
  contentSecurityPolicy,
  newNonce,
  pageSecurityHeaders,
} from "./lib/security/content-security-policy";

/**
 * Runs before every page: gives the page its Content-Security-Policy with a fresh nonce (Next
 * reads the request's CSP header and puts the nonce on its own scripts; the root layout passes it
 * to the theme script) and the other security headers, and sends signed-out visitors of signed-in
 * areas to the sign-in page with a way back. The redirect is a convenience only: every page, route
 * handler and domain function authorises on its own (a header trick that skips this proxy must
 * gain nothing).
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SIGNED_IN_AREAS = ["/chat", "/c", "/gpts", "/admin", "/settings"];

export function proxy(request: NextRequest) {
  const isHttps = appUrl.startsWith("https:");
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    isHttps,
    isDevelopment: env.NODE_ENV === "development",
  });
  const response = needsSignIn(request)
    ? signInRedirect(request)
    : NextResponse.next({
        request: { headers: withNonce(request, nonce, policy) },
      });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(pageSecurityHeaders({ isHttps }))) {
    response.headers.set(name, value);
  }
  return response;
}

function withNonce(request: NextRequest, nonce: string, policy: string): Headers {
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  // For layouts, which are not given the path: the admin area answers a moderator's request for
  // an admin-only page with a real 404 before streaming starts (app/(admin)/admin/layout.tsx).
  forwarded.set("x-pathname", request.nextUrl.pathname);
  forwarded.set("Content-Security-Policy", policy);
  return forwarded;
}

function needsSignIn(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  const isSignedInArea = SIGNED_IN_AREAS.some(
    (area) => pathname === area || pathname.startsWith(`${area}/`),
  );
  return isSignedInArea && !SESSION_COOKIES.some((name) => request.cookies.has(name));
}

function signInRedirect(request: NextRequest): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: not route handlers (JSON and files get their headers from next.config), not
  // Next's static assets. Prefetches need the same nonce handling as full loads. The website
  // widget (/embed/<gptId>, /embed.js) sends its own CSP: other sites may frame it
  // (lib/embed/widget/frame-response.ts), which this policy's frame-ancestors 'none' would forbid.
  matcher: [
    {
      source:
        "/((?!api/|embed/|embed\\.js|_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml).*)",
    },
  ],
};
