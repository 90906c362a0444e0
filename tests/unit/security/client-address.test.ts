import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const SERVER = path.join(__dirname, "../../fixtures/client-address/echo-server.ts");
const running: ChildProcess[] = [];

/** Starts the echo server trusting `hops` proxies; resolves with its base URL. */
async function startEchoServer(hops: number): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", SERVER, String(hops)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.push(child);
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  return `http://127.0.0.1:${chunk.toString().trim().split("\n")[0]}`;
}

/** What the app would take as the client's address for a request with this X-Forwarded-For. */
async function seenAddress(base: string, forwardedFor?: string): Promise<string> {
  const response = await fetch(base, {
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  });
  return response.text();
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGTERM");
});

describe("[SECURITY]: the client's address for per-address limits", () => {
  it("without a trusted proxy, a client's own X-Forwarded-For is ignored: rotating it changes nothing", async () => {
    const base = await startEchoServer(0);
    const seen = await Promise.all(
      ["203.0.113.1", "203.0.113.2", "198.51.100.7, 203.0.113.3", undefined].map((header) =>
        seenAddress(base, header),
      ),
    );
    expect(new Set(seen)).toEqual(new Set(["127.0.0.1"]));
  });

  it("behind one trusted proxy, the address that proxy appended is the client's, and anything the client wrote before it is ignored", async () => {
    const base = await startEchoServer(1);
    // The proxy (here: the test, on 127.0.0.1) appends the address it saw; a client that wrote
    // its own header first only adds entries further left, which are not trusted.
    expect(await seenAddress(base, "203.0.113.9")).toBe("203.0.113.9");
    expect(await seenAddress(base, "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(await seenAddress(base, "7.7.7.7, 8.8.8.8, 203.0.113.9")).toBe("203.0.113.9");
  });
});
