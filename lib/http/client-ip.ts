/**
 * The client's address as Next.js reports it: Next sets X-Forwarded-For to the socket address
 * when no proxy did. Behind a reverse proxy, the proxy must set (not append to) this header, or
 * clients could choose their own IP; per-email limits apply regardless.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || "unknown";
}
