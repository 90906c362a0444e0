import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateApiKey } from "@/lib/api-keys/key-format";
import { API_KEY_SCOPES, type ApiKeyScope } from "@/lib/api-keys/schemas";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

/**
 * Every route handler under app/api, found at test time: a new route is covered the day it is
 * added. Each exported HTTP method must be built with route({ access }) (lib/http/route.ts) or, for
 * the key-authenticated /api/v1, apiRoute({ scope }) (lib/api/api-route.ts), or be listed here with
 * the reason it is safe without it.
 */
const UNWRAPPED_ALLOW_LIST: Record<string, string> = {
  "GET /api/auth/[...nextauth]":
    "next-auth's own endpoints (CSRF token, session, providers): they authenticate by design.",
  "POST /api/auth/[...nextauth]":
    "next-auth's sign-in and sign-out: they authenticate by design and check next-auth's CSRF token.",
  "POST /api/auth/sign-up":
    "Public by design (creates an account); checks same origin and JSON itself, rate-limited, and follows the sign-up policy.",
  "GET /api/actions/oauth/start":
    "Opened in a popup: calls requireActor() itself and redirects refusals to the popup's result page (checked below).",
  "GET /api/actions/oauth/callback":
    "The provider's redirect back into the popup: calls requireActor() itself and redirects refusals to the result page (checked below).",
  "GET /api/files/avatars/[owner]/[file]":
    "Public on purpose: GPT pictures show on store cards to signed-out visitors; keys are unguessable and immutable.",
  "GET /api/health": "Liveness probe for operators: no secrets, no counts, no writes.",
  "GET /api/embed/[gptId]/session":
    "Public by design (a website visitor of a creator's widget): answers only the origins the creator listed, checked on the browser's own Origin header, and issues a short-lived signed visitor token, nothing else (checked below).",
  "OPTIONS /api/embed/[gptId]/session":
    "CORS preflight for the widget's session request: headers only, no data.",
  "GET /api/v1/openapi.json":
    "The API's OpenAPI document: public documentation generated from the code, no data, no secrets, no writes.",
  "POST /api/stripe/webhook":
    "Called by Stripe, authenticated by the webhook signature over the raw body, never a session (checked below).",
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];
type Access = "public" | "user" | "moderator" | "admin";
type Handler = {
  file: string;
  /** "/api/admin/users/[id]" */
  urlPath: string;
  method: Method;
  /** null: not built with route(). */
  access: Access | null;
  /** The API key scope of a handler built with apiRoute(); null: not built with it. */
  scope: ApiKeyScope | null;
};

const API_DIR = "app/api";

function findHandlers(): Handler[] {
  const files = readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file === "route.ts" || file.endsWith("/route.ts"))
    .sort();
  const handlers: Handler[] = [];
  for (const relative of files) {
    const file = `${API_DIR}/${relative}`;
    const source = readFileSync(file, "utf8");
    const urlPath = `/api/${relative.replace(/\/?route\.ts$/, "")}`.replace(/\/$/, "");
    const declarations = [
      ...source.matchAll(
        /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g,
      ),
    ];
    for (const [index, match] of declarations.entries()) {
      // The declaration runs to the next export.
      const end = declarations[index + 1]?.index ?? source.length;
      const body = source.slice(match.index, end);
      const isWrapped = /^export\s+const\s+\w+\s*=\s*route\s*[<(]/.test(body);
      const access = isWrapped
        ? (body.match(/access:\s*"(\w+)"/)?.[1] as Access | undefined)
        : null;
      if (access === undefined) throw new Error(`${match[1]} ${urlPath}: route() without access`);
      const isApiWrapped = /^export\s+const\s+\w+\s*=\s*apiRoute\s*[<(]/.test(body);
      const scope = isApiWrapped
        ? (body.match(/scope:\s*"([\w:]+)"/)?.[1] as ApiKeyScope | undefined)
        : null;
      if (scope === undefined || (scope && !API_KEY_SCOPES.includes(scope))) {
        throw new Error(`${match[1]} ${urlPath}: apiRoute() without a known scope`);
      }
      handlers.push({ file, urlPath, method: match[1] as Method, access, scope });
    }
    // `export { handler as GET, handler as POST }`
    for (const reexport of source.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const name of reexport[1]?.matchAll(/\bas\s+(\w+)/g) ?? []) {
        if (METHODS.includes(name[1] as Method)) {
          handlers.push({ file, urlPath, method: name[1] as Method, access: null, scope: null });
        }
      }
    }
  }
  return handlers;
}

/** A made-up value for each dynamic segment; catch-all segments get one part. */
function paramsOf(urlPath: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [, isCatchAll, name] of urlPath.matchAll(/\[(\.\.\.)?(\w+)\]/g)) {
    params[name as string] = isCatchAll ? ["matrix-dummy"] : "matrixdummy0000000000000000";
  }
  return params;
}

const handlers = findHandlers();
const wrapped = handlers.filter((handler) => handler.access !== null);
const apiWrapped = handlers.filter((handler) => handler.scope !== null);
const CALLERS = ["anonymous", "USER", "MODERATOR", "ADMIN"] as const;
const CASE_COUNT = wrapped.length * CALLERS.length;

let actors: Record<Exclude<(typeof CALLERS)[number], "anonymous">, Actor>;
/** Per scope, a live key of a user whose plan has API access, holding every scope but that one. */
let keysWithout: Record<ApiKeyScope, string>;

beforeAll(async () => {
  actors = {
    USER: await createActor({ role: "USER" }),
    MODERATOR: await createActor({ role: "MODERATOR" }),
    ADMIN: await createActor({ role: "ADMIN" }),
  };
  // Without API access every key is refused (403) whatever its scopes: the scope check must be
  // what refuses here.
  await prisma.plan.updateMany({ where: { isFree: true }, data: { hasApiAccess: true } });
  const keyOwner = await createActor();
  keysWithout = {} as Record<ApiKeyScope, string>;
  for (const missing of API_KEY_SCOPES) {
    const { key, prefix, hash } = generateApiKey();
    const scopes = API_KEY_SCOPES.filter((scope) => scope !== missing);
    await prisma.apiKey.create({
      data: { userId: keyOwner.id, name: `without ${missing}`, prefix, hash, scopes },
    });
    keysWithout[missing] = key;
  }
  console.log(
    `[SECURITY] authorization matrix: ${handlers.length} handlers in ${new Set(handlers.map((h) => h.file)).size} route files; ${wrapped.length} built with route() × ${CALLERS.length} callers = ${CASE_COUNT} cases; ${apiWrapped.length} built with apiRoute() × 2 (no key, key without the scope); ${handlers.length - wrapped.length - apiWrapped.length} allow-listed`,
  );
});

afterAll(async () => {
  await prisma.plan.updateMany({ where: { isFree: true }, data: { hasApiAccess: false } });
});

async function call(handler: Handler, caller: (typeof CALLERS)[number]): Promise<number> {
  const module = (await import(path.resolve(handler.file))) as Record<
    string,
    (request: Request, context: unknown) => Promise<Response>
  >;
  const run = module[handler.method];
  if (!run) throw new Error(`${handler.file} does not export ${handler.method}`);
  setSessionActor(caller === "anonymous" ? null : actors[caller]);
  const url = handler.urlPath.replace(/\[(?:\.\.\.)?\w+\]/g, "matrixdummy0000000000000000");
  const hasBody = handler.method !== "GET" && handler.method !== "HEAD";
  const response = await run(
    appRequest(url, { method: handler.method, body: hasBody ? {} : undefined }),
    segment(paramsOf(handler.urlPath)),
  );
  // Nothing reads the body: a stream must not keep the test waiting.
  await response.body?.cancel().catch(() => undefined);
  return response.status;
}

/** Calls an apiRoute() handler with no session, and the given bearer key (or none). */
async function callWithKey(handler: Handler, key: string | null): Promise<number> {
  const module = (await import(path.resolve(handler.file))) as Record<
    string,
    (request: Request, context: unknown) => Promise<Response>
  >;
  const run = module[handler.method];
  if (!run) throw new Error(`${handler.file} does not export ${handler.method}`);
  setSessionActor(null);
  const url = handler.urlPath.replace(/\[(?:\.\.\.)?\w+\]/g, "matrixdummy0000000000000000");
  const hasBody = handler.method !== "GET" && handler.method !== "HEAD";
  const response = await run(
    appRequest(url, {
      method: handler.method,
      body: hasBody ? {} : undefined,
      headers: key ? { authorization: `Bearer ${key}` } : {},
    }),
    segment(paramsOf(handler.urlPath)),
  );
  await response.body?.cancel().catch(() => undefined);
  return response.status;
}

describe(`[SECURITY]: authorization matrix (${CASE_COUNT} cases: ${wrapped.length} handlers × anonymous, USER, MODERATOR, ADMIN)`, () => {
  it("[SECURITY]: every API handler is built with route({ access }), apiRoute({ scope }) or allow-listed with a reason", () => {
    expect(handlers.length).toBeGreaterThan(50);
    const unwrapped = handlers
      .filter((handler) => handler.access === null && handler.scope === null)
      .map((handler) => `${handler.method} ${handler.urlPath}`);
    expect(unwrapped.filter((key) => !(key in UNWRAPPED_ALLOW_LIST))).toEqual([]);
    // No stale entries: an allow-listed handler that is gone or now wrapped leaves the list.
    expect(Object.keys(UNWRAPPED_ALLOW_LIST).filter((key) => !unwrapped.includes(key))).toEqual([]);
  });

  it.each(
    wrapped.map((handler) => [`${handler.method} ${handler.urlPath} (${handler.access})`, handler]),
  )("[SECURITY]: %s lets in exactly the roles its access names", async (_name, handler) => {
    const statuses: Record<string, number> = {};
    for (const caller of CALLERS) statuses[caller] = await call(handler, caller);
    const isRefused = (status: number | undefined) => status === 401 || status === 403;
    const { access } = handler;
    if (access !== "public") expect(statuses.anonymous, "anonymous").toBe(401);
    if (access === "user") {
      for (const caller of ["USER", "MODERATOR", "ADMIN"]) {
        expect(statuses[caller], caller).not.toBe(401);
      }
    }
    if (access === "moderator" || access === "admin") expect(statuses.USER, "USER").toBe(403);
    if (access === "admin") expect(statuses.MODERATOR, "MODERATOR").toBe(403);
    if (access === "moderator") expect(isRefused(statuses.MODERATOR), "MODERATOR").toBe(false);
    if (access === "moderator" || access === "admin") {
      expect(isRefused(statuses.ADMIN), "ADMIN").toBe(false);
    }
  });

  it.each(
    apiWrapped.map((handler) => [
      `${handler.method} ${handler.urlPath} (${handler.scope})`,
      handler,
    ]),
  )(
    "[SECURITY]: %s refuses a request without a key (401) and a key without its scope (403)",
    async (_name, handler) => {
      expect(await callWithKey(handler, null), "no key").toBe(401);
      const scope = handler.scope as ApiKeyScope;
      expect(await callWithKey(handler, keysWithout[scope]), `a key without ${scope}`).toBe(403);
    },
  );

  it("[SECURITY]: allow-listed handlers refuse callers on their own terms", async () => {
    const byKey = (key: string) => {
      const handler = handlers.find((entry) => `${entry.method} ${entry.urlPath}` === key);
      if (!handler) throw new Error(`${key} is gone`);
      return handler;
    };
    // The OAuth popup flows: anonymous → the popup's result page with an error, never a provider.
    for (const key of ["GET /api/actions/oauth/start", "GET /api/actions/oauth/callback"]) {
      const module = await import(path.resolve(byKey(key).file));
      setSessionActor(null);
      const response: Response = await module.GET(appRequest(`${byKey(key).urlPath}?state=x`));
      expect(response.status, key).toBe(302);
      expect(response.headers.get("location"), key).toMatch(/\/actions\/connected\?error=/);
    }
    // The widget session: a site that is not listed (and no widget at all) gets nothing.
    const session = await import(path.resolve(byKey("GET /api/embed/[gptId]/session").file));
    setSessionActor(null);
    const refused: Response = await session.GET(
      new Request("http://localhost/api/embed/matrixdummy/session", {
        headers: { origin: "https://attacker.example" },
      }),
      segment({ gptId: "matrixdummy0000000000000000" }),
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(JSON.stringify(await refused.json())).not.toContain("token");
    // Stripe's webhook: nothing without a valid signature.
    const webhook = await import(path.resolve(byKey("POST /api/stripe/webhook").file));
    const unsigned: Response = await webhook.POST(
      appRequest("/api/stripe/webhook", { method: "POST", body: { type: "invoice.paid" } }),
    );
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);
  });
});
