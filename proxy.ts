import { type NextRequest, NextResponse } from "next/server";

/**
 * Sends signed-out visitors of signed-in areas to the sign-in page with a way back. A convenience
 * only: every page, route handler and domain function authorises on its own (a header trick that
 * skips this proxy must gain nothing).
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/chat", "/c/:path*", "/gpts/:path*", "/admin/:path*", "/settings/:path*"],
};
