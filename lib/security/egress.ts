import "server-only";
import { promises as dns, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { Agent, type BodyInit as UndiciBodyInit, fetch as undiciFetch } from "undici";
import { classifyAddress } from "@/lib/security/ip-policy";
import { EgressError } from "./egress-errors";
import { openScope, type Scope, toCappedResponse } from "./egress-scope";

export { EgressError, type EgressErrorCode } from "./egress-errors";

/**
 * The egress guard: every outbound request made on behalf of a creator or user goes through here.
 *
 * Invariants (SSRF):
 * - Only http/https, only ports 80/443 plus `allowedPorts`, no userinfo in URLs.
 * - Each hop resolves its host ONCE; every answer must be public unicast (unless the exact
 *   host:port is allowlisted) and the socket connects to exactly those checked addresses, so a
 *   second, rebinding DNS answer is never used. TLS SNI and Host still carry the hostname.
 * - Redirects are followed by hand and each hop is checked again.
 * - Credentials never follow a redirect to another origin: Authorization, Cookie,
 *   Proxy-Authorization and any header that looks like a credential are dropped.
 * - Nothing here logs URLs: query strings may carry API keys. Error messages never include them.
 */
export type EgressPolicy = {
  /** Exact "host:port" entries (host as written in the URL, lower-case; IPv6 in brackets) allowed even when they resolve to a non-public address. */
  allowlist: string[];
  /** Ports allowed besides 80 and 443. */
  allowedPorts: number[];
};

export type Resolver = (hostname: string) => Promise<{ address: string; family: 4 | 6 }[]>;

export type EgressOptions = {
  policy: EgressPolicy;
  /** Default: dns.promises.lookup(host, { all: true, verbatim: true }). */
  resolver?: Resolver;
  /** Whole request including redirects and body; default 45_000. */
  timeoutMs?: number;
  /** Default 3. */
  maxRedirects?: number;
  /** Default 5 MiB; past it the returned body stream errors with EgressError("response_too_large"). */
  maxResponseBytes?: number;
  signal?: AbortSignal;
};

type Address = { address: string; family: 4 | 6 };

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const bodyHeaders = ["content-type", "content-length", "content-encoding", "content-language"];
const credentialHeader =
  /^(authorization|proxy-authorization|cookie)$|auth|token|api[-_]?key|secret|session|password|credential|signature/i;

const defaultResolver: Resolver = async (hostname) => {
  const answers = await dns.lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer: LookupAddress) => ({
    address: answer.address,
    family: answer.family === 6 ? 6 : 4,
  }));
};

const noop = () => {};

/** Check a URL without connecting (scheme, port, literal IP, allowlist). Throws EgressError. */
export function assertEgressUrlShape(url: string | URL, policy: EgressPolicy): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EgressError("invalid_url");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new EgressError("blocked_scheme");
  }
  if (parsed.username || parsed.password) throw new EgressError("invalid_url");
  const port = effectivePort(parsed);
  const isAllowlisted = isAllowlistedUrl(parsed, policy);
  if (!isAllowlisted && port !== 80 && port !== 443 && !policy.allowedPorts.includes(port)) {
    throw new EgressError("blocked_port");
  }
  if (isAllowlisted) return parsed;
  // WHATWG URL already turned 2130706433, 0x7f.1, 0177.0.0.1 and 127.1 into 127.0.0.1.
  if (isIpLiteral(parsed.hostname) && !classifyAddress(parsed.hostname).isPublic) {
    throw new EgressError("blocked_address");
  }
  const host = parsed.hostname.replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) throw new EgressError("blocked_address");
  return parsed;
}

/** fetch-compatible: (input, init) → Response. Redirects are followed manually (each hop checked again); `init.redirect` is ignored. */
export async function egressFetch(
  input: string | URL,
  init: RequestInit | undefined,
  options: EgressOptions,
): Promise<Response> {
  const { policy, resolver = defaultResolver, maxRedirects = 3 } = options;
  const scope = openScope(options.timeoutMs ?? 45_000, [options.signal, init?.signal]);
  let url: URL;
  let method = (init?.method ?? "GET").toUpperCase();
  let body = init?.body ?? null;
  const headers = new Headers(init?.headers);
  try {
    url = assertEgressUrlShape(input, policy);
    for (let redirects = 0; ; redirects++) {
      const addresses = await resolveHop(url, policy, resolver, scope);
      const agent = scope.track(pinnedAgent(addresses));
      const response = await undiciFetch(url, {
        method,
        headers: [...headers],
        body: body as UndiciBodyInit | null,
        redirect: "manual",
        signal: scope.signal,
        dispatcher: agent,
        ...(body instanceof ReadableStream ? { duplex: "half" as const } : {}),
      });
      const location = redirectStatuses.has(response.status)
        ? response.headers.get("location")
        : null;
      if (location === null) {
        return toCappedResponse(
          response as Parameters<typeof toCappedResponse>[0],
          url,
          redirects > 0,
          options.maxResponseBytes ?? 5 * 1024 * 1024,
          scope,
        );
      }
      await response.body?.cancel().catch(noop);
      if (redirects + 1 > maxRedirects) throw new EgressError("too_many_redirects");
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new EgressError("invalid_url");
      }
      next = assertEgressUrlShape(next, policy);
      const isRewrittenToGet =
        (response.status === 303 && method !== "GET" && method !== "HEAD") ||
        ((response.status === 301 || response.status === 302) && method === "POST");
      if (isRewrittenToGet) {
        method = "GET";
        body = null;
        for (const name of bodyHeaders) headers.delete(name);
      } else if (body instanceof ReadableStream) {
        // A streamed body was consumed by the first hop and cannot be sent again.
        throw new EgressError("connection_failed");
      }
      if (next.origin !== url.origin) {
        for (const name of [...headers.keys()]) {
          if (credentialHeader.test(name)) headers.delete(name);
        }
      }
      url = next;
    }
  } catch (error) {
    scope.finish();
    throw scope.translate(error);
  }
}

/** A fetch function bound to options, for libraries that take a custom fetch (MCP SDK, AI SDK). */
export function createEgressFetch(options: EgressOptions): typeof fetch {
  return async (input, init) => {
    if (input instanceof Request) {
      const body = input.body ? await input.arrayBuffer() : undefined;
      const fromRequest: RequestInit = {
        method: input.method,
        headers: input.headers,
        body,
        signal: input.signal,
      };
      return egressFetch(input.url, { ...fromRequest, ...init }, options);
    }
    return egressFetch(input, init, options);
  };
}

/** Reads a body up to maxBytes; returns the text and whether it was cut. */
export async function readTextCapped(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; isTruncated: boolean; bytes: number }> {
  if (!response.body) return { text: "", isTruncated: false, bytes: 0 };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text: text + decoder.decode(), isTruncated: false, bytes };
      const room = maxBytes - bytes;
      if (value.byteLength > room) {
        // No final flush: a multi-byte character cut in half is dropped, not turned into U+FFFD.
        text += decoder.decode(value.subarray(0, room), { stream: true });
        bytes += room;
        await reader.cancel().catch(noop);
        return { text, isTruncated: true, bytes };
      }
      text += decoder.decode(value, { stream: true });
      bytes += value.byteLength;
    }
  } catch (error) {
    // The egress cap cut the body before ours did: still a truncated read, not a failure.
    if (error instanceof EgressError && error.code === "response_too_large") {
      return { text, isTruncated: true, bytes };
    }
    throw error;
  }
}

function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

function isAllowlistedUrl(url: URL, policy: EgressPolicy): boolean {
  const key = `${url.hostname}:${effectivePort(url)}`;
  return policy.allowlist.some((entry) => entry.toLowerCase() === key);
}

function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith("[") || isIP(hostname) === 4;
}

async function resolveHop(
  url: URL,
  policy: EgressPolicy,
  resolver: Resolver,
  scope: Scope,
): Promise<Address[]> {
  const isAllowlisted = isAllowlistedUrl(url, policy);
  if (isIpLiteral(url.hostname)) {
    const address = url.hostname.replace(/^\[|\]$/g, "");
    if (!isAllowlisted && !classifyAddress(address).isPublic) {
      throw new EgressError("blocked_address");
    }
    return [{ address, family: isIP(address) === 6 ? 6 : 4 }];
  }
  let answers: Address[];
  try {
    answers = await scope.race(resolver(url.hostname));
  } catch (error) {
    if (scope.signal.aborted) throw error;
    throw new EgressError("dns_failed", { cause: error });
  }
  if (answers.length === 0) throw new EgressError("dns_failed");
  // Any non-public answer refuses the host: the OS could pick it on a retry or another family.
  const checked = answers.map(({ address }) => ({ address, family: isIP(address) }));
  const isUnsafe = checked.some(
    ({ address, family }) => family === 0 || !classifyAddress(address).isPublic,
  );
  if (isUnsafe && !isAllowlisted) throw new EgressError("blocked_address");
  return checked.filter((answer): answer is Address => answer.family !== 0);
}

/** An Agent whose sockets can only connect to the addresses already checked for this hop. */
function pinnedAgent(addresses: Address[]): Agent {
  return new Agent({
    keepAliveTimeout: 1_000,
    connect: {
      lookup: (_hostname, lookupOptions, callback) => {
        const family = typeof lookupOptions === "object" ? lookupOptions.family : undefined;
        const matching = addresses.filter(
          (answer) => !family || family === answer.family || family === `IPv${answer.family}`,
        );
        const usable = matching.length > 0 ? matching : addresses;
        if (typeof lookupOptions === "object" && lookupOptions.all) {
          (callback as (error: null, addresses: LookupAddress[]) => void)(null, usable);
          return;
        }
        callback(null, usable[0].address, usable[0].family);
      },
    },
  });
}
