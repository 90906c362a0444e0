import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { getOpenApiDocument } from "@/lib/api/openapi/document";
import { SECURITY_SCHEME } from "@/lib/api/openapi/shared";
import { parseOpenApi } from "@/lib/gpt-actions/openapi/parse-openapi";

/**
 * The OpenAPI document of /api/v1 (generated from the routes' zod schemas) against the routes
 * themselves, found on disk at test time: a route added without its documentation fails here.
 */
const API_DIR = "app/api/v1";
/** The document's own route documents nothing but the API. */
const UNDOCUMENTED = new Set(["GET /openapi.json"]);

type RouteHandler = { key: string; path: string; method: string; scope: string | null };

function findRouteHandlers(): RouteHandler[] {
  const files = readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file === "route.ts" || file.endsWith("/route.ts"))
    .sort();
  return files.flatMap((relative) => {
    const source = readFileSync(`${API_DIR}/${relative}`, "utf8");
    // app/api/v1/gpts/[id]/route.ts → /gpts/{id} (the document's server URL ends in /api/v1).
    const urlPath = `/${relative.replace(/\/?route\.ts$/, "")}`.replace(/\[(\w+)\]/g, "{$1}");
    const declarations = [
      ...source.matchAll(
        /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
      ),
    ];
    return declarations.map((match, index) => {
      const body = source.slice(match.index, declarations[index + 1]?.index ?? source.length);
      const method = match[1] as string;
      return {
        key: `${method} ${urlPath}`,
        path: urlPath,
        method: method.toLowerCase(),
        scope: body.match(/scope:\s*"([\w:]+)"/)?.[1] ?? null,
      };
    });
  });
}

type Operation = { operationId?: string; security?: Record<string, string[]>[] };

function operationOf(handler: RouteHandler): Operation | undefined {
  const paths = getOpenApiDocument().paths as Record<string, Record<string, Operation>>;
  return paths[handler.path]?.[handler.method];
}

describe("[API]: the OpenAPI document of /api/v1", () => {
  it("[API]: validates with the app's own OpenAPI parser, without warnings", async () => {
    const parsed = await parseOpenApi(JSON.stringify(getOpenApiDocument()), {
      maxBytes: 5 * 1024 * 1024,
    });
    expect(parsed.ok ? parsed.warnings : parsed.problems).toEqual([]);
    expect(parsed.ok && parsed.version).toBe("3.1.0");
  });

  it("[API]: lists every /api/v1 route and method, with the scope the route requires", () => {
    const handlers = findRouteHandlers().filter((handler) => !UNDOCUMENTED.has(handler.key));
    // The management API and the two OpenAI-compatible endpoints at least.
    expect(handlers.length).toBeGreaterThanOrEqual(13);
    const missing = handlers.filter((handler) => !operationOf(handler)).map((h) => h.key);
    expect(missing).toEqual([]);
    for (const handler of handlers) {
      expect(operationOf(handler)?.security, handler.key).toEqual([
        { [SECURITY_SCHEME]: [handler.scope] },
      ]);
    }
  });

  it("[API]: documents nothing that is not a route", () => {
    const routes = new Set(findRouteHandlers().map((handler) => handler.key));
    const documented = Object.entries(getOpenApiDocument().paths ?? {}).flatMap(([urlPath, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${urlPath}`),
    );
    expect(documented.filter((key) => !routes.has(key))).toEqual([]);
  });

  it("[API]: is served at /api/v1/openapi.json without a key", async () => {
    const response = await openapiRoute.GET();
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document).toMatchObject({ openapi: "3.1.0", info: { title: "Atelier API" } });
    expect(document.servers[0].url).toMatch(/\/api\/v1$/);
  });
});
