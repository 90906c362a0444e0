/**
 * The client's address. lib/http/client-address.ts has already replaced X-Forwarded-For with the
 * one address proxy-addr resolved (from the socket, trusting TRUSTED_PROXY_HOPS proxies), so the
 * header holds nothing a client chose.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || "unknown";
}
