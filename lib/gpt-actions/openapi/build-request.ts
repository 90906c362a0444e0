import { createHash, randomUUID } from "node:crypto";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { isRecord } from "./model-schema";
import type { ActionOperation, ActionParameter } from "./operations";

export type BuiltRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
};
type BuildResult = { ok: true; request: BuiltRequest } | { ok: false; errors: string[] };

const MAX_ERRORS = 20;
const MAX_CACHED_VALIDATORS = 500;
// Transport headers belong to the HTTP client and auth layer, never to the model.
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "cookie",
  "authorization",
  "proxy-authorization",
  "content-type",
]);

const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

function validatorFor(operation: ActionOperation): ValidateFunction {
  const hash = createHash("sha256")
    .update(JSON.stringify(operation.inputSchema))
    .digest("base64url");
  const cacheKey = `${operation.key}:${hash}`;
  const cached = validators.get(cacheKey);
  if (cached) return cached;
  const validate = ajv.compile(operation.inputSchema);
  // Ajv keeps every compiled schema; our own bounded map is the only cache.
  ajv.removeSchema(operation.inputSchema);
  if (validators.size >= MAX_CACHED_VALIDATORS) {
    validators.delete(validators.keys().next().value as string);
  }
  validators.set(cacheKey, validate);
  return validate;
}

function formatError(error: ErrorObject): string {
  const path = error.instancePath
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join(".");
  const at = (name: string) => (path ? `${path}.${name}` : name);
  if (error.keyword === "required")
    return `${at(String(error.params.missingProperty))}: is required`;
  if (error.keyword === "additionalProperties") {
    return `${at(String(error.params.additionalProperty))}: is not an accepted argument`;
  }
  return `${path || "arguments"}: ${error.message ?? "is invalid"}`;
}

function scalar(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

function pathValue(param: ActionParameter, value: unknown): { value: string } | { error: string } {
  if (value === undefined || value === null) return { error: `${param.argName}: is required` };
  const parts = Array.isArray(value) ? value : [value];
  if (parts.some((part) => typeof part === "object" && part !== null)) {
    return { error: `${param.argName}: must be a string, number or boolean` };
  }
  const text = parts.map(String);
  if (text.join("") === "") return { error: `${param.argName}: must not be empty` };
  // "." and ".." survive percent-encoding as dot segments and would climb out of the base path.
  if (text.some((part) => part === "." || part === "..")) {
    return { error: `${param.argName}: must not be "." or ".."` };
  }
  return { value: text.map(encodeURIComponent).join(",") };
}

function formEntries(value: unknown): [string, string][] | null {
  if (!isRecord(value)) return null;
  const entries: [string, string][] = [];
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined || field === null) continue;
    for (const item of Array.isArray(field) ? field : [field]) entries.push([name, scalar(item)]);
  }
  return entries;
}

function encodeBody(operation: ActionOperation, value: unknown, headers: Record<string, string>) {
  const contentType = operation.requestBody?.contentType;
  if (!contentType || value === undefined) return { body: null };
  if (contentType === "application/json") {
    headers["content-type"] = "application/json";
    return { body: JSON.stringify(value) };
  }
  if (contentType === "text/plain") {
    headers["content-type"] = "text/plain; charset=utf-8";
    return { body: typeof value === "string" ? value : JSON.stringify(value) };
  }
  const entries = formEntries(value);
  if (!entries) return { error: "body: must be object" };
  if (contentType === "application/x-www-form-urlencoded") {
    headers["content-type"] = "application/x-www-form-urlencoded";
    return { body: new URLSearchParams(entries).toString() };
  }
  const boundary = `----atelier${randomUUID().replace(/-/g, "")}`;
  const escapeName = (name: string) =>
    name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const parts = entries.map(
    ([name, field]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${field}\r\n`,
  );
  headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
  return { body: `${parts.join("")}--${boundary}--\r\n` };
}

function readArgs(args: unknown): Record<string, unknown> | unknown {
  if (args === undefined || args === null || args === "") return {};
  if (typeof args !== "string") return args;
  try {
    return JSON.parse(args);
  } catch {
    return args;
  }
}

function parseServer(serverUrl: string): URL | null {
  try {
    const url = new URL(serverUrl);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * Validates the model's arguments against the operation's input schema, then builds the HTTP
 * request. The URL is guaranteed to stay under `serverUrl`'s origin and base path: path values
 * are percent-encoded and dot segments refused, and the result is checked after URL parsing.
 */
export function buildOperationRequest(input: {
  serverUrl: string;
  operation: ActionOperation;
  args: unknown;
}): BuildResult {
  const { operation } = input;
  const args = readArgs(input.args);
  let validate: ValidateFunction;
  try {
    validate = validatorFor(operation);
  } catch (error) {
    return {
      ok: false,
      errors: [`the operation's input schema is invalid: ${(error as Error).message}`],
    };
  }
  if (!validate(args)) {
    const errors = [...new Set((validate.errors ?? []).map(formatError))];
    return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  }
  const values = args as Record<string, unknown>;
  const base = parseServer(input.serverUrl);
  if (!base) return { ok: false, errors: ["the server URL must be an absolute http(s) URL"] };
  const basePath = base.pathname.replace(/\/+$/, "");

  const errors: string[] = [];
  const byName = new Map(
    operation.parameters.filter((p) => p.in === "path").map((p) => [p.name, p]),
  );
  const renderedPath = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const param = byName.get(name);
    if (!param) {
      errors.push(`${name}: path parameter is not defined`);
      return "";
    }
    const result = pathValue(param, values[param.argName]);
    if ("error" in result) errors.push(result.error);
    return "value" in result ? result.value : "";
  });

  const url = new URL(`${base.origin}${basePath}${renderedPath}`);
  url.search = base.search;
  const headers: Record<string, string> = {};
  for (const param of operation.parameters) {
    const value = values[param.argName];
    if (value === undefined || value === null || param.in === "path" || param.in === "cookie")
      continue;
    if (param.in === "query") {
      for (const item of Array.isArray(value) ? value : [value]) {
        url.searchParams.append(param.name, scalar(item));
      }
      continue;
    }
    const headerValue = Array.isArray(value) ? value.map(scalar).join(",") : scalar(value);
    if (/[\r\n\0]/.test(headerValue)) errors.push(`${param.argName}: must not contain line breaks`);
    else if (!RESERVED_HEADERS.has(param.name.toLowerCase())) headers[param.name] = headerValue;
  }

  const encoded = encodeBody(operation, values.body, headers);
  if ("error" in encoded && encoded.error) errors.push(encoded.error);
  if (errors.length > 0) return { ok: false, errors };

  const prefix = `${basePath}/`;
  const hasDotSegment = `${basePath}${renderedPath}`
    .split("/")
    .some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
  if (url.origin !== base.origin || !url.pathname.startsWith(prefix) || hasDotSegment) {
    return { ok: false, errors: ["the request URL would leave the server's base path"] };
  }
  return {
    ok: true,
    request: {
      method: operation.method,
      url: url.toString(),
      headers,
      body: "body" in encoded ? (encoded.body ?? null) : null,
    },
  };
}
