import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createEgressFetch, type Resolver } from "@/lib/security/egress";
import type { DomainProofDeps } from "@/lib/users/domain/check-domain-proof";
import { removeDomainVerification } from "@/lib/users/domain/remove-domain-verification";
import { startDomainVerification } from "@/lib/users/domain/start-domain-verification";
import { verifyDomain } from "@/lib/users/domain/verify-domain";
import { getCreatorProfile } from "@/lib/users/profile-queries";
import { updateProfile } from "@/lib/users/update-profile";
import { expectAppError } from "../../support/app-error";
import { createActor } from "../../support/factories";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

/**
 * The well-known file is served by a local HTTP server standing in for the creator's site. The
 * egress guard is the real one: its resolver maps test names to addresses, and only the names
 * standing in for public sites are allowlisted on the server's port. "private.test" and
 * "loopback.test" resolve to non-public addresses and are not allowlisted: the guard must refuse
 * them, and the server counts every request so a leak would show.
 */
const dnsAnswers: Record<string, string> = {
  "site.test": "127.0.0.1",
  "other.test": "127.0.0.1",
  "private.test": "10.0.0.1",
  "loopback.test": "127.0.0.1",
};
const egressResolver: Resolver = async (hostname) => {
  const address = dnsAnswers[hostname];
  if (!address) throw Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" });
  return [{ address, family: 4 }];
};

type Answer = { status: number; body?: string; location?: string };
const answers = new Map<string, Answer>();
const requestsByHost = new Map<string, number>();
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const host = (request.headers.host ?? "").split(":")[0];
    requestsByHost.set(host, (requestsByHost.get(host) ?? 0) + 1);
    const answer =
      request.url === "/.well-known/atelier-verification.txt"
        ? (answers.get(host) ?? { status: 404, body: "not found" })
        : { status: 404, body: "not found" };
    response.writeHead(answer.status, answer.location ? { location: answer.location } : {});
    response.end(answer.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function deps(txt: Record<string, string[][]> = {}): DomainProofDeps {
  const guarded = createEgressFetch({
    policy: { allowlist: [`site.test:${port}`, `other.test:${port}`], allowedPorts: [port] },
    resolver: egressResolver,
    timeoutMs: 5_000,
    maxResponseBytes: 4_096,
  });
  return {
    resolveTxt: async (name) => {
      const records = txt[name];
      if (!records)
        throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: "ENOTFOUND" });
      return records;
    },
    fetch: (url, init) => guarded(url, init),
    wellKnownPort: port,
  };
}

let sequence = 0;
async function creatorStarting(domain: string): Promise<{ actor: Actor; token: string }> {
  sequence += 1;
  const actor = await createActor();
  await updateProfile({
    actor,
    input: { handle: `domain-${Date.now().toString(36)}-${sequence}`, displayName: "Maker" },
  });
  const state = await startDomainVerification({ actor, input: { domain } });
  expect(state.pendingDomain).toBe(domain);
  expect(state.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  return { actor, token: state.token as string };
}

describe("[PROFILE]: verifying a domain", () => {
  it("a TXT record atelier-verify=<token> on the domain verifies it and clears the attempt", async () => {
    const { actor, token } = await creatorStarting("example.com");
    const result = await verifyDomain({
      actor,
      deps: deps({ "example.com": [["v=spf1 -all"], ["atelier-verify=", token]] }),
    });
    expect(result).toMatchObject({
      isVerified: true,
      checks: [`Found TXT record atelier-verify=${token} on example.com.`],
      domain: { verifiedDomain: "example.com", pendingDomain: null, token: null },
    });
    const row = await prisma.builderProfile.findUniqueOrThrow({ where: { userId: actor.id } });
    expect(row).toMatchObject({ verifiedDomain: "example.com", domainToken: null });
    expect(row.domainVerifiedAt).toBeInstanceOf(Date);
    const profile = await getCreatorProfile({ actor: null, handle: row.handle });
    expect(profile?.verifiedDomain).toBe("example.com");
  });

  it("the record may live on _atelier.<domain> instead", async () => {
    const { actor, token } = await creatorStarting("example.org");
    const result = await verifyDomain({
      actor,
      deps: deps({ "_atelier.example.org": [[`atelier-verify=${token}`]] }),
    });
    expect(result.isVerified).toBe(true);
  });

  it("a file at /.well-known/atelier-verification.txt holding the token verifies it", async () => {
    const { actor, token } = await creatorStarting("site.test");
    answers.set("site.test", { status: 200, body: `${token}\n` });
    const result = await verifyDomain({ actor, deps: deps() });
    expect(result.isVerified).toBe(true);
    // https was tried first; this test server only speaks http.
    expect(result.checks).toEqual([
      `Found the token at http://site.test:${port}/.well-known/atelier-verification.txt.`,
    ]);
    expect(result.domain.verifiedDomain).toBe("site.test");
  });

  it("a failure says what was checked and what was found, and changes nothing", async () => {
    const { actor, token } = await creatorStarting("site.test");
    answers.set("site.test", { status: 404 });
    const result = await verifyDomain({
      actor,
      deps: deps({ "site.test": [["google-site-verification=abc"]] }),
    });
    expect(result.isVerified).toBe(false);
    expect(result.checks).toEqual([
      `No TXT record atelier-verify=${token} on site.test (found "google-site-verification=abc").`,
      `No TXT record atelier-verify=${token} on _atelier.site.test (the name does not exist).`,
      `https://site.test:${port}/.well-known/atelier-verification.txt could not be fetched (could not connect to the server).`,
      `http://site.test:${port}/.well-known/atelier-verification.txt answered 404.`,
    ]);
    expect(result.domain).toMatchObject({
      verifiedDomain: null,
      pendingDomain: "site.test",
      token,
    });
  });

  it("a token from an earlier attempt does not count, in DNS or in the file", async () => {
    const { actor, token: oldToken } = await creatorStarting("site.test");
    const restarted = await startDomainVerification({ actor, input: { domain: "site.test" } });
    expect(restarted.token).not.toBe(oldToken);
    answers.set("site.test", { status: 200, body: oldToken });
    const result = await verifyDomain({
      actor,
      deps: deps({ "site.test": [[`atelier-verify=${oldToken}`]] }),
    });
    expect(result.isVerified).toBe(false);
    expect(result.checks[0]).toContain("which is not your current token");
    expect(result.checks.at(-1)).toContain("answered, but it does not contain your current token");
  });

  it("a redirect to another domain does not count, even when the file there has the token", async () => {
    const { actor, token } = await creatorStarting("site.test");
    answers.set("site.test", {
      status: 302,
      location: `http://other.test:${port}/.well-known/atelier-verification.txt`,
    });
    answers.set("other.test", { status: 200, body: token });
    const result = await verifyDomain({ actor, deps: deps() });
    expect(result.isVerified).toBe(false);
    expect(result.checks.at(-1)).toBe(
      `http://site.test:${port}/.well-known/atelier-verification.txt redirected off site.test, so it does not count.`,
    );
  });

  it("the egress guard refuses a domain that resolves to a private or loopback address", async () => {
    for (const domain of ["private.test", "loopback.test"]) {
      const { actor } = await creatorStarting(domain);
      answers.set(domain, { status: 200, body: "anything" });
      const result = await verifyDomain({ actor, deps: deps() });
      expect(result.isVerified).toBe(false);
      expect(result.checks.at(-1)).toBe(
        `https://${domain}:${port}/.well-known/atelier-verification.txt could not be fetched (this destination is a private or reserved address).`,
      );
      expect(requestsByHost.get(domain) ?? 0).toBe(0);
    }
  });

  it("needs a saved profile and a domain entered first; removing drops the badge", async () => {
    const stranger = await createActor();
    await expectAppError(
      startDomainVerification({ actor: stranger, input: { domain: "example.com" } }),
      "bad_request",
    );
    const { actor, token } = await creatorStarting("example.net");
    await verifyDomain({ actor, deps: deps({ "example.net": [[`atelier-verify=${token}`]] }) });
    expect(await removeDomainVerification({ actor })).toEqual({
      verifiedDomain: null,
      verifiedAt: null,
      pendingDomain: null,
      token: null,
    });
    await expectAppError(verifyDomain({ actor, deps: deps() }), "bad_request");
    const invalid = await expectAppError(
      startDomainVerification({ actor, input: { domain: "https://10.0.0.1/" } }),
      "bad_request",
    );
    expect(invalid.fieldErrors?.domain?.[0]).toMatch(/domain only/);
  });
});
