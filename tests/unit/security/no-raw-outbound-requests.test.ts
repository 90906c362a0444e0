import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every outbound request made on behalf of a creator or user must go through
 * lib/security/egress.ts, which enforces the SSRF policy on the connected address. This test
 * scans the app's source for raw outbound calls so a new one cannot slip in unnoticed.
 *
 * `fetch("/api/…")` and fetch(`/api/…`) are fine anywhere: a same-origin path (not "//host")
 * only ever runs in the browser against our own server.
 */
const root = path.resolve(import.meta.dirname, "../../..");
const scannedFolders = ["lib", "app", "components"];
const skippedFolders = new Set(["lib/generated"]);

const rawCalls: { name: string; pattern: RegExp }[] = [
  { name: "fetch(", pattern: /(?<![\w$])fetch\s*\(/g },
  { name: "http(s).request/get(", pattern: /\bhttps?\.(?:request|get)\s*\(/g },
  { name: 'from "undici"', pattern: /(?:from\s+|require\(\s*|import\(\s*)["']undici["']/g },
  {
    name: "node http/https/http2/tls import",
    pattern: /from\s+["'](?:node:)?(?:https?|http2|tls)["']/g,
  },
  { name: "net.connect(", pattern: /\bnet\.(?:connect|createConnection)\s*\(/g },
  { name: "new Agent(", pattern: /\bnew\s+(?:\w+\.)?Agent\s*\(/g },
  { name: "axios", pattern: /\baxios\b/g },
  { name: "got(", pattern: /(?<![\w$.])got\s*\(/g },
];

/** A fetch whose first argument is a string or template literal starting with one "/". */
const sameOriginPath = /^\s*["'`]\/(?!\/)/;

/**
 * Known raw calls. `snippet` narrows an entry to lines containing it, so a second, different
 * call in the same file still fails; without it the whole file is exempt.
 */
const allowed: { file: string; snippet?: string; reason: string }[] = [
  { file: "lib/security/egress.ts", reason: "the egress guard itself" },
  {
    file: "lib/embed/widget/loader-script.ts",
    reason:
      "the widget loader's source, served to visitors' browsers: it calls this app's own /api/embed session route from the host page",
  },
  {
    file: "lib/ai/providers.ts",
    reason: "admin-configured model endpoint, passes the egress fetch unless exempt",
  },
  {
    file: "lib/ai/chat-completion-stream.ts",
    snippet: 'import { request as undiciRequest } from "undici";',
    reason:
      "admin-configured model endpoint marked trusted (isEgressExempt); others pass the egress fetch",
  },
  {
    file: "lib/storage/s3-store.ts",
    snippet: "client.fetch(urlOf(key)",
    reason: "admin-configured endpoint (object storage bucket, via aws4fetch)",
  },
  {
    file: "lib/admin/api-client.ts",
    snippet: "await fetch(url, {",
    reason: "browser-side helper; every caller passes a same-origin /api path",
  },
  {
    file: "lib/gpts/api-client.ts",
    snippet: "await fetch(url, {",
    reason: "browser-side helper; every caller passes a same-origin /api path",
  },
  {
    file: "lib/builder/api-client.ts",
    snippet: "await fetch(url, {",
    reason: "browser-side helper; every caller passes a same-origin /api path",
  },
  {
    file: "lib/users/domain/check-domain-proof.ts",
    snippet: "await deps.fetch(url,",
    reason:
      "domain verification's well-known file; deps.fetch is createEgressFetch (injectable for tests)",
  },
  {
    file: "lib/http/client-address.ts",
    snippet: 'import http from "node:http";',
    reason: "rewrites X-Forwarded-For on the app's own incoming requests; sends nothing out",
  },
  {
    file: "components/chat/answer-requests.ts",
    snippet: "return fetch(input, init)",
    reason: "browser chat transport wrapper; its input is the transport's api, /api/chat/…",
  },
  {
    file: "components/chat/answer-requests.ts",
    snippet: "const request = fetch(input, init)",
    reason: "browser chat transport wrapper; its input is the transport's api, /api/chat",
  },
];

type Finding = { line: number; call: string; text: string };

function findRawCalls(source: string): Finding[] {
  const lineStarts = [0];
  for (let index = 0; index < source.length; index++) {
    if (source[index] === "\n") lineStarts.push(index + 1);
  }
  const lineOf = (offset: number) => lineStarts.filter((start) => start <= offset).length;
  const lines = source.split("\n");
  const findings: Finding[] = [];
  for (const { name, pattern } of rawCalls) {
    for (const match of source.matchAll(pattern)) {
      const line = lineOf(match.index);
      const text = lines[line - 1].trim();
      if (/^(\/\/|\/?\*)/.test(text)) continue;
      const after = source.slice(match.index + match[0].length);
      if (name === "fetch(" && sameOriginPath.test(after)) continue;
      if (findings.some((seen) => seen.line === line && seen.call === name)) continue;
      findings.push({ line, call: name, text });
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

function sourceFiles(folder: string): string[] {
  if (skippedFolders.has(folder)) return [];
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

function isAllowed(file: string, finding: Finding): boolean {
  return allowed.some(
    (entry) => entry.file === file && (!entry.snippet || finding.text.includes(entry.snippet)),
  );
}

describe("[SECURITY]: outbound requests go through the egress guard", () => {
  it("finds no raw outbound call outside the allowed list", () => {
    const files = scannedFolders.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) =>
      findRawCalls(readFileSync(path.join(root, file), "utf8"))
        .filter((finding) => !isAllowed(file, finding))
        .map((finding) => `${file}:${finding.line}  ${finding.call}  ${finding.text}`),
    );
    expect(
      offenders,
      `Raw outbound requests found. Use egressFetch/createEgressFetch from lib/security/egress.ts, or add an entry with a reason to \`allowed\` in this test:\n${offenders.join("\n")}\n`,
    ).toEqual([]);
  });

  it("every allowed entry gives a reason", () => {
    for (const entry of allowed) expect(entry.reason.length).toBeGreaterThan(10);
  });

  it("flags a fetch of a variable or another host, and http, undici, axios and got", () => {
    const source = [
      "const a = await fetch(someVariable);",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test
      "const b = await fetch(`https://${host}/x`);",
      'const c = await fetch("//evil.example/x");',
      "const d = await globalThis.fetch(url);",
      'import { request } from "node:https";',
      "http.get(url);",
      'const { Agent } = await import("undici");',
      "new undici.Agent({});",
      'import axios from "axios";',
      "await got(url);",
    ].join("\n");
    expect(findRawCalls(source).map((finding) => finding.line)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it("lets same-origin paths, refetch() and comments through", () => {
    const source = [
      'await fetch("/api/conversations");',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test
      "await fetch(`/api/conversations/${id}`, { method: 'DELETE' });",
      "await fetch(\n  '/api/chat',\n  init,\n);",
      "query.refetch();",
      "// a comment mentioning fetch(url)",
      " * and a JSDoc line: fetch(url)",
    ].join("\n");
    expect(findRawCalls(source)).toEqual([]);
  });
});
