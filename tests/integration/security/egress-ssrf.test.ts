import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isIP } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EgressError,
  type EgressErrorCode,
  type EgressOptions,
  type EgressPolicy,
  egressFetch,
  type Resolver,
  readTextCapped,
} from "@/lib/security/egress";

/**
 * The SSRF matrix. A "canary" server on 127.0.0.1 counts every TCP connection it receives: the
 * guard must never let one through. Its port is in `allowedPorts`, so only the address policy
 * stands between a request and the canary. The "target" and "second" servers are also on
 * 127.0.0.1 but allowlisted by exact host:port, standing in for public sites that redirect.
 */
const dnsAnswers: Record<string, string[]> = {
  "public.example": ["93.184.216.34"],
  "loopback.example": ["127.0.0.1"],
  "mixed.example": ["93.184.216.34", "127.0.0.1"],
  "internal.example": ["10.0.0.1"],
  "mapped.example": ["::ffff:127.0.0.1"],
  "pinned.example": ["127.0.0.1"],
};

const mapResolver: Resolver = async (hostname) => {
  const answers = dnsAnswers[hostname];
  if (!answers) {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  }
  return answers.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
};

let canaryConnections = 0;
let canaryPort = 0;
let targetPort = 0;
let secondPort = 0;
let policy: EgressPolicy;
const secondSaw: IncomingHttpHeaders[] = [];
const servers: Server[] = [];

function listen(server: Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

const target = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://target.test");
  const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
  if (chain) {
    const left = Number(chain[1]);
    if (left === 0) return void response.end("done");
    response.writeHead(302, { location: `/chain/${left - 1}` });
    return void response.end();
  }
  if (url.pathname === "/redirect") {
    response.writeHead(Number(url.searchParams.get("status") ?? 302), {
      location: url.searchParams.get("to") ?? "/",
    });
    return void response.end();
  }
  if (url.pathname === "/big") return void response.end("x".repeat(64 * 1024));
  if (url.pathname === "/slow") return; // never answers
  if (url.pathname === "/echo") {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ method: request.method, headers: request.headers, body }));
    });
    return;
  }
  response.end("ok");
});

const second = createServer((request, response) => {
  secondSaw.push(request.headers);
  response.end("second");
});

const canary = createServer((_request, response) => response.end("canary reached"));
canary.on("connection", () => {
  canaryConnections++;
});

beforeAll(async () => {
  [canaryPort, targetPort, secondPort] = await Promise.all([
    listen(canary),
    listen(target),
    listen(second),
  ]);
  policy = {
    allowlist: [`127.0.0.1:${targetPort}`, `127.0.0.1:${secondPort}`],
    allowedPorts: [canaryPort],
  };
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function ports(url: string): string {
  return url
    .replaceAll("CANARY", String(canaryPort))
    .replaceAll("TARGET", String(targetPort))
    .replaceAll("SECOND", String(secondPort));
}

function options(overrides: Partial<EgressOptions> = {}): EgressOptions {
  return { policy, resolver: mapResolver, timeoutMs: 5_000, ...overrides };
}

async function codeOf(promise: Promise<unknown>): Promise<EgressErrorCode | "no error"> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    if (error instanceof EgressError) return error.code;
    throw error;
  }
}

const redirectTo = (to: string) => `http://127.0.0.1:TARGET/redirect?to=${encodeURIComponent(to)}`;

const matrix: [row: string, url: string, code: EgressErrorCode][] = [
  ["127.0.0.1 dotted", "http://127.0.0.1:CANARY/", "blocked_address"],
  ["127.0.0.1 as decimal 2130706433", "http://2130706433:CANARY/", "blocked_address"],
  ["127.0.0.1 as hex 0x7f000001", "http://0x7f000001:CANARY/", "blocked_address"],
  ["127.0.0.1 as 0x7f.0.0.1", "http://0x7f.0.0.1:CANARY/", "blocked_address"],
  ["127.0.0.1 as octal 0177.0.0.1", "http://0177.0.0.1:CANARY/", "blocked_address"],
  ["127.0.0.1 as octal 017700000001", "http://017700000001:CANARY/", "blocked_address"],
  ["127.0.0.1 as short 127.1", "http://127.1:CANARY/", "blocked_address"],
  ["127.0.0.1 as short 127.0.1", "http://127.0.1:CANARY/", "blocked_address"],
  ["127.0.0.1 with a trailing dot", "http://127.0.0.1.:CANARY/", "blocked_address"],
  ["localhost", "http://localhost:CANARY/", "blocked_address"],
  ["localhost with a trailing dot", "http://LOCALHOST.:CANARY/", "blocked_address"],
  ["[::1]", "http://[::1]:CANARY/", "blocked_address"],
  ["[::ffff:127.0.0.1]", "http://[::ffff:127.0.0.1]:CANARY/", "blocked_address"],
  ["[::ffff:7f00:1]", "http://[::ffff:7f00:1]:CANARY/", "blocked_address"],
  ["[64:ff9b::7f00:1] (NAT64)", "http://[64:ff9b::7f00:1]:CANARY/", "blocked_address"],
  ["[::127.0.0.1] (IPv4-compatible)", "http://[::127.0.0.1]:CANARY/", "blocked_address"],
  ["0.0.0.0", "http://0.0.0.0:CANARY/", "blocked_address"],
  ["10.0.0.1", "http://10.0.0.1/", "blocked_address"],
  ["172.16.0.1", "http://172.16.0.1/", "blocked_address"],
  ["192.168.1.1", "http://192.168.1.1/", "blocked_address"],
  ["169.254.169.254 (metadata)", "http://169.254.169.254/latest/meta-data/", "blocked_address"],
  ["100.64.0.1 (CGNAT)", "http://100.64.0.1/", "blocked_address"],
  ["224.0.0.1 (multicast)", "http://224.0.0.1/", "blocked_address"],
  ["255.255.255.255 (broadcast)", "http://255.255.255.255/", "blocked_address"],
  ["240.0.0.1 (reserved)", "http://240.0.0.1/", "blocked_address"],
  ["[fc00::1] (ULA)", "http://[fc00::1]/", "blocked_address"],
  ["[fe80::1] (link-local)", "http://[fe80::1]/", "blocked_address"],
  ["ftp: scheme", "ftp://127.0.0.1:CANARY/", "blocked_scheme"],
  ["file: scheme", "file:///etc/passwd", "blocked_scheme"],
  ["gopher: scheme", "gopher://127.0.0.1:CANARY/_GET", "blocked_scheme"],
  ["data: scheme", "data:text/plain,hello", "blocked_scheme"],
  ["userinfo in the URL", "http://user:pass@127.0.0.1:TARGET/", "invalid_url"],
  ["not a URL", "http//nope", "invalid_url"],
  ["non-allowed port on a public-resolving host", "http://public.example:8081/", "blocked_port"],
  ["hostname resolving to 127.0.0.1", "http://loopback.example:CANARY/", "blocked_address"],
  ["hostname resolving to ::ffff:127.0.0.1", "http://mapped.example:CANARY/", "blocked_address"],
  ["answer mixing public and 127.0.0.1", "http://mixed.example:CANARY/", "blocked_address"],
  ["unknown hostname", "http://nowhere.example/", "dns_failed"],
  ["redirect to 127.0.0.1:canary", redirectTo("http://127.0.0.1:CANARY/"), "blocked_address"],
  [
    "redirect to the metadata address",
    redirectTo("http://169.254.169.254/latest/meta-data/"),
    "blocked_address",
  ],
  [
    "redirect to a host resolving to 10.0.0.1",
    redirectTo("http://internal.example/"),
    "blocked_address",
  ],
  ["redirect to file:", redirectTo("file:///etc/passwd"), "blocked_scheme"],
  [
    "4 redirects within the allowlisted host",
    "http://127.0.0.1:TARGET/chain/4",
    "too_many_redirects",
  ],
];

describe("[SECURITY]: egress guard SSRF matrix", () => {
  it.each(matrix)("refuses %s → %s", async (_row, url, code) => {
    expect(await codeOf(egressFetch(ports(url), undefined, options()))).toBe(code);
  });

  it("never looks a host up twice, so a rebinding answer is not used", async () => {
    let calls = 0;
    const rebinding: Resolver = async () =>
      calls++ === 0
        ? [{ address: "93.184.216.34", family: 4 }]
        : [{ address: "127.0.0.1", family: 4 }];
    const url = ports("http://rebind.example:CANARY/");
    const code = await codeOf(
      egressFetch(url, undefined, options({ resolver: rebinding, timeoutMs: 1_500 })),
    );
    // It tried the checked public address (unreachable here), not the canary.
    expect(["timeout", "connection_failed"]).toContain(code);
    expect(calls).toBe(1);
  });

  it("follows 3 redirects within the allowlisted host", async () => {
    const response = await egressFetch(ports("http://127.0.0.1:TARGET/chain/3"), {}, options());
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("done");
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(ports("http://127.0.0.1:TARGET/chain/0"));
  });

  it("lets exactly the allowlisted host:port through while 127.0.0.1 stays blocked", async () => {
    const response = await egressFetch(ports("http://127.0.0.1:TARGET/"), undefined, options());
    expect(await response.text()).toBe("ok");
    const viaName = ports("http://127.0.0.1:CANARY/");
    expect(await codeOf(egressFetch(viaName, undefined, options()))).toBe("blocked_address");
    const otherPort = ports("http://127.0.0.1:SECOND/");
    const narrow = { allowlist: [ports("127.0.0.1:TARGET")], allowedPorts: [] };
    expect(await codeOf(egressFetch(otherPort, undefined, options({ policy: narrow })))).toBe(
      "blocked_port",
    );
  });

  it("connects to the checked address while the Host header keeps the hostname", async () => {
    // pinned.example exists only in the fake resolver: reaching the server proves the socket used
    // the checked answer rather than a second (system) lookup.
    const pinned = { ...policy, allowlist: [...policy.allowlist, ports("pinned.example:TARGET")] };
    const url = ports("http://pinned.example:TARGET/echo");
    const response = await egressFetch(url, undefined, options({ policy: pinned }));
    const echoed = (await response.json()) as { headers: IncomingHttpHeaders };
    expect(echoed.headers.host).toBe(ports("pinned.example:TARGET"));
  });

  it("errors the body with response_too_large past maxResponseBytes", async () => {
    const url = ports("http://127.0.0.1:TARGET/big");
    const response = await egressFetch(url, undefined, options({ maxResponseBytes: 1_024 }));
    expect(response.status).toBe(200);
    expect(await codeOf(response.text())).toBe("response_too_large");

    const capped = await egressFetch(url, undefined, options());
    expect(await readTextCapped(capped, 100)).toEqual({
      text: "x".repeat(100),
      isTruncated: true,
      bytes: 100,
    });
  });

  it("times out on an endpoint that never answers", async () => {
    const url = ports("http://127.0.0.1:TARGET/slow");
    const startedAt = Date.now();
    expect(await codeOf(egressFetch(url, undefined, options({ timeoutMs: 500 })))).toBe("timeout");
    expect(Date.now() - startedAt).toBeLessThan(3_000);
  });

  it("drops credentials on a cross-origin redirect and keeps them on the same origin", async () => {
    const headers = { authorization: "Bearer sk-secret", "x-api-key": "k", "x-trace": "t1" };
    await egressFetch(ports(redirectTo("http://127.0.0.1:SECOND/")), { headers }, options());
    expect(secondSaw).toHaveLength(1);
    expect(secondSaw[0].authorization).toBeUndefined();
    expect(secondSaw[0]["x-api-key"]).toBeUndefined();
    expect(secondSaw[0]["x-trace"]).toBe("t1");

    const same = await egressFetch(ports(redirectTo("/echo")), { headers }, options());
    const echoed = (await same.json()) as { headers: IncomingHttpHeaders };
    expect(echoed.headers.authorization).toBe("Bearer sk-secret");
  });

  it("turns a POST into a body-less GET on 303", async () => {
    const url = ports(`${redirectTo("/echo")}&status=303`);
    const response = await egressFetch(url, { method: "POST", body: "payload" }, options());
    expect(await response.json()).toMatchObject({ method: "GET", body: "" });
  });

  it("the canary saw zero connections", () => {
    expect(canaryConnections).toBe(0);
  });
});
