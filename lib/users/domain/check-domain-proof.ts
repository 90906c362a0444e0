import "server-only";
import { Resolver } from "node:dns/promises";
import { createEgressFetch, EgressError, readTextCapped } from "../../security/egress";
import { getEgressPolicy } from "../../security/egress-policy";
import {
  type DomainVerificationResult,
  TXT_PREFIX,
  txtRecordNames,
  txtRecordValue,
  WELL_KNOWN_PATH,
} from "./domain-rules";

/** Network access for a check, injectable so tests need no real DNS or public web server. */
export type DomainProofDeps = {
  resolveTxt: (name: string) => Promise<string[][]>;
  /** Must be bound to the egress guard: the domain is the creator's input. */
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** Tests only: the port the well-known file is served on (production uses 443, then 80). */
  wellKnownPort?: number;
};

const DNS_TIMEOUT_MS = 4_000;
const FETCH_TIMEOUT_MS = 6_000;
/** The file holds a token of a few dozen characters; anything bigger is not our file. */
const MAX_FILE_BYTES = 1_024;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(message), { code: "ETIMEOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The real resolver (node:dns/promises) and the egress-guarded fetch under the instance policy. */
export async function defaultDomainProofDeps(): Promise<DomainProofDeps> {
  const resolver = new Resolver({ timeout: DNS_TIMEOUT_MS, tries: 1 });
  const guarded = createEgressFetch({
    policy: await getEgressPolicy(),
    timeoutMs: FETCH_TIMEOUT_MS,
    maxRedirects: 3,
    maxResponseBytes: MAX_FILE_BYTES * 4,
  });
  return {
    resolveTxt: (name) => withTimeout(resolver.resolveTxt(name), DNS_TIMEOUT_MS + 500, "timeout"),
    fetch: (url, init) => guarded(url, init),
  };
}

const dnsWhy: Record<string, string> = {
  ENOTFOUND: "the name does not exist",
  ENODATA: "no TXT records",
  ETIMEOUT: "the DNS lookup timed out",
  ECONNREFUSED: "the DNS server could not be reached",
  ESERVFAIL: "the DNS server failed to answer",
};

function quoted(records: string[], limit = 3): string {
  const shown = records.slice(0, limit).map((record) => `"${record.slice(0, 80)}"`);
  const more = records.length > limit ? ` and ${records.length - limit} more` : "";
  return `${shown.join(", ")}${more}`;
}

async function checkTxt(
  domain: string,
  token: string,
  deps: DomainProofDeps,
): Promise<{ isFound: boolean; lines: string[] }> {
  const expected = txtRecordValue(token);
  const lines: string[] = [];
  for (const name of txtRecordNames(domain)) {
    let records: string[];
    try {
      // A TXT record may be split into 255-byte strings; they form one value.
      records = (await deps.resolveTxt(name)).map((chunks) => chunks.join("").trim());
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      lines.push(`No TXT record ${expected} on ${name} (${dnsWhy[code] ?? "DNS lookup failed"}).`);
      continue;
    }
    if (records.includes(expected)) {
      return { isFound: true, lines: [`Found TXT record ${expected} on ${name}.`] };
    }
    const ours = records.filter((record) => record.startsWith(TXT_PREFIX));
    const found =
      ours.length > 0
        ? `found ${quoted(ours)}, which is not your current token`
        : records.length > 0
          ? `found ${quoted(records)}`
          : "no TXT records";
    lines.push(`No TXT record ${expected} on ${name} (${found}).`);
  }
  return { isFound: false, lines };
}

/** The file may hold the bare token or the TXT form, on a line of its own. */
function fileHasToken(text: string, token: string): boolean {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .some((line) => line === token || line === txtRecordValue(token));
}

function isOnDomain(url: string, domain: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}

async function checkFile(
  domain: string,
  token: string,
  deps: DomainProofDeps,
): Promise<{ isFound: boolean; lines: string[] }> {
  const lines: string[] = [];
  const port = deps.wellKnownPort ? `:${deps.wellKnownPort}` : "";
  for (const protocol of ["https", "http"] as const) {
    const url = `${protocol}://${domain}${port}${WELL_KNOWN_PATH}`;
    let response: Response;
    try {
      response = await deps.fetch(url, { method: "GET", headers: { accept: "text/plain" } });
    } catch (error) {
      const why = error instanceof EgressError ? error.message : "The request failed";
      lines.push(`${url} could not be fetched (${why.toLowerCase()}).`);
      // Only a server that never answered over https gets a second chance over plain http.
      const isUnreachable =
        error instanceof EgressError &&
        (error.code === "connection_failed" || error.code === "timeout");
      if (isUnreachable) continue;
      return { isFound: false, lines };
    }
    if (!isOnDomain(response.url || url, domain)) {
      await response.body?.cancel().catch(() => {});
      lines.push(`${url} redirected off ${domain}, so it does not count.`);
      return { isFound: false, lines };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      lines.push(`${url} answered ${response.status}.`);
      return { isFound: false, lines };
    }
    const { text } = await readTextCapped(response, MAX_FILE_BYTES).catch(() => ({ text: "" }));
    if (fileHasToken(text, token)) return { isFound: true, lines: [`Found the token at ${url}.`] };
    lines.push(
      text.trim()
        ? `${url} answered, but it does not contain your current token.`
        : `${url} answered with an empty file.`,
    );
    return { isFound: false, lines };
  }
  return { isFound: false, lines };
}

/**
 * Looks for the token in DNS (TXT on the domain or `_atelier.<domain>`), then in the well-known
 * file. Never throws for a network problem: every check says what it looked at and what it found.
 */
export async function checkDomainProof({
  domain,
  token,
  deps,
}: {
  domain: string;
  token: string;
  deps: DomainProofDeps;
}): Promise<DomainVerificationResult> {
  const txt = await checkTxt(domain, token, deps);
  if (txt.isFound) return { isVerified: true, checks: txt.lines };
  const file = await checkFile(domain, token, deps);
  if (file.isFound) return { isVerified: true, checks: file.lines };
  return { isVerified: false, checks: [...txt.lines, ...file.lines] };
}
