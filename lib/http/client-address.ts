import http from "node:http";
import proxyAddr from "proxy-addr";

const installed = Symbol.for("atelier.clientAddressResolution");

/**
 * Makes every request's `X-Forwarded-For` one trustworthy address, the client's, before Next.js
 * sees it: proxy-addr reads it from the socket and the header, trusting exactly `trustedHops`
 * proxies (the socket's peer and the hops before it). Route handlers only see headers, and Next
 * keeps an X-Forwarded-For the client sent (it fills the header only when absent), so without this
 * a client could name its own address and walk around per-address limits.
 *
 * Installed once per server process (lib/startup.ts) by wrapping http.Server's `emit` for
 * "request" events: every HTTP server in the process, including the one `next start` already
 * created, goes through it.
 */
export function installClientAddressResolution(trustedHops: number): void {
  const prototype = http.Server.prototype as http.Server & { [installed]?: boolean };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const trust = (_address: string, hop: number) => hop < trustedHops;
  const emit = prototype.emit;
  prototype.emit = function emitWithClientAddress(
    this: http.Server,
    event: string | symbol,
    ...rest: unknown[]
  ) {
    if (event === "request") {
      const request = rest[0] as http.IncomingMessage;
      request.headers["x-forwarded-for"] = proxyAddr(request, trust);
    }
    return Reflect.apply(emit, this, [event, ...rest]) as boolean;
  } as typeof emit;
}
