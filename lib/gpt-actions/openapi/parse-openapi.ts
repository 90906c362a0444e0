import { dereference, type ParserOptions, validate } from "@readme/openapi-parser";
import { convertObj } from "swagger2openapi";
import { parseDocument } from "yaml";
import { isRecord } from "./model-schema";
import { type ActionOperation, extractOperations } from "./operations";

export type OpenApiProblem = { path: string; message: string };
export type ParsedOpenApi =
  | {
      ok: true;
      title: string;
      version: string;
      convertedFrom?: "2.0";
      serverUrl: string | null;
      operations: ActionOperation[];
      warnings: OpenApiProblem[];
      document: object;
    }
  | { ok: false; problems: OpenApiProblem[] };

type Json = Record<string, unknown>;
type Outcome<T> = { ok: true; value: T } | { ok: false; problems: OpenApiProblem[] };

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_OPERATIONS = 300;
const MAX_PROBLEMS = 20;
const MAX_YAML_ALIASES = 100;
// `example`, `default`… hold literal data: a `$ref` key there is not a reference.
const DATA_KEYWORDS = new Set(["example", "examples", "default", "enum", "const"]);

// Security: `external: false` makes json-schema-ref-parser leave non-local `$ref`s alone, so
// parsing never fetches a URL or reads a file. We also refuse such documents up front
// (findExternalRefs) so the creator learns why instead of getting a half-resolved document.
const PARSER_OPTIONS: ParserOptions = {
  resolve: { external: false },
  dereference: { circular: "ignore" },
  timeoutMs: 10_000,
  validate: {
    rules: {
      // Harmless for calling the API; we repair or ignore these when building tools.
      openapi: {
        "array-without-items": "warning",
        "non-optional-path-parameters": "warning",
        "path-parameters-not-in-path": "warning",
      },
    },
  },
};

const fail = (path: string, message: string) => ({
  ok: false as const,
  problems: [{ path, message }],
});

function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (Number.isInteger(mb)) return `${mb} MB`;
  return bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

function lineColumn(text: string, offset: number) {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function parseText(text: string): Outcome<unknown> {
  const source = text.replace(/^\uFEFF/, "");
  if (!source.trim()) return fail("", "The document is empty");
  if (/^\s*[{[]/.test(source)) {
    try {
      return { ok: true, value: JSON.parse(source) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = /position (\d+)/.exec(message);
      const { line, column } = lineColumn(source, position ? Number(position[1]) : source.length);
      const reason = message.replace(/ in JSON at position \d+.*$/, "");
      return fail(`line ${line}`, `JSON syntax error at line ${line}, column ${column}: ${reason}`);
    }
  }
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, MAX_PROBLEMS).map((error) => {
        const { line, column } = lineColumn(source, error.pos[0]);
        const reason = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
        return {
          path: `line ${line}`,
          message: `YAML syntax error at line ${line}, column ${column}: ${reason}`,
        };
      }),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    return fail("", `The YAML could not be read: ${(error as Error).message}`);
  }
}

function checkVersion(doc: Json): { kind: "3.0" | "3.1" | "2.0" } | { problem: string } {
  if (doc.openapi !== undefined) {
    const version = doc.openapi;
    if (typeof version !== "string") {
      return {
        problem: `The \`openapi\` field must be a string such as "3.1.0" (quote it in YAML)`,
      };
    }
    if (/^3\.0\.\d+$/.test(version)) return { kind: "3.0" };
    if (/^3\.1\.\d+$/.test(version)) return { kind: "3.1" };
    return { problem: `OpenAPI version ${version} is not supported; use OpenAPI 3.0 or 3.1` };
  }
  if (doc.swagger !== undefined) {
    if (doc.swagger === "2.0") return { kind: "2.0" };
    return {
      problem: `Swagger version ${String(doc.swagger)} is not supported; use OpenAPI 3.0 or 3.1`,
    };
  }
  if (doc.asyncapi !== undefined) {
    return {
      problem: "This is an AsyncAPI document; only OpenAPI 3.0, 3.1 and Swagger 2.0 are supported",
    };
  }
  return {
    problem: "The document has no `openapi` or `swagger` field, so it is not an OpenAPI document",
  };
}

function visitRefs(root: unknown, onRef: (ref: string, path: string[]) => boolean): void {
  const stack: { node: unknown; path: string[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        stack.push({ node: item, path: [...path, String(index)] });
      });
    } else if (isRecord(node)) {
      if (typeof node.$ref === "string" && onRef(node.$ref, path)) return;
      for (const [key, value] of Object.entries(node)) {
        if (!DATA_KEYWORDS.has(key) && typeof value === "object") {
          stack.push({ node: value, path: [...path, key] });
        }
      }
    }
  }
}

function findExternalRefs(doc: Json): OpenApiProblem[] {
  const problems: OpenApiProblem[] = [];
  visitRefs(doc, (ref, path) => {
    if (!ref.startsWith("#")) {
      problems.push({
        path: path.join("."),
        message: `External $ref "${ref}" is not allowed: references are never fetched. Bundle the document into a single file.`,
      });
    }
    return problems.length >= MAX_PROBLEMS;
  });
  return problems.sort((a, b) => a.path.localeCompare(b.path));
}

async function convertSwagger(doc: Json): Promise<Outcome<Json>> {
  try {
    // `resolve: false` keeps swagger2openapi's resolver (which can fetch) switched off.
    const result = await convertObj(structuredClone(doc) as never, {
      patch: true,
      warnOnly: true,
      resolve: false,
    });
    return { ok: true, value: result.openapi as unknown as Json };
  } catch (error) {
    return fail("", `Swagger 2.0 document could not be converted: ${(error as Error).message}`);
  }
}

/** Maps "> 14 |" in the parser's code frame back to a path in the JSON it printed. */
function pathAtLine(printed: unknown, target: number): string[] | null {
  let line = 1;
  let found: string[] | null = null;
  const walk = (value: unknown, path: string[]): void => {
    if (found || line > target || typeof value !== "object" || value === null) return;
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value).filter(
          ([, item]) => item !== undefined && typeof item !== "function",
        );
    if (entries.length === 0) return;
    for (const [key, item] of entries) {
      line++;
      if (line === target) {
        found = [...path, key];
        return;
      }
      walk(item, [...path, key]);
      if (found || line > target) return;
    }
    line++;
    if (line === target) found = path;
  };
  walk(printed, []);
  return found;
}

function pathFromPointer(doc: Json, pointer: string): string {
  const paths = isRecord(doc.paths) ? Object.keys(doc.paths) : [];
  if (pointer.startsWith("/paths/")) {
    const rest = pointer.slice("/paths".length);
    const match = paths
      .filter((key) => rest === key || rest.startsWith(`${key}/`))
      .sort((a, b) => b.length - a.length)[0];
    if (match)
      return ["paths", match, ...rest.slice(match.length).split("/").filter(Boolean)].join(".");
  }
  return pointer.split("/").filter(Boolean).join(".");
}

function locate(
  doc: Json,
  printed: () => Promise<unknown>,
  message: string,
): Promise<string> | string {
  const pointer = /`(\/[^`]*)`/.exec(message);
  if (pointer) return pathFromPointer(doc, pointer[1]);
  const duplicate = /operationId `([^`]+)` is duplicated/.exec(message);
  if (duplicate) return findDuplicateOperationId(doc, duplicate[1]);
  const missing = /Missing \$ref pointer "([^"]+)"/.exec(message);
  if (missing) {
    let where = "";
    visitRefs(doc, (ref, path) => {
      if (ref === missing[1]) where = path.join(".");
      return where !== "";
    });
    return where;
  }
  const marker = /^>\s*(\d+) \|/m.exec(message);
  if (!marker) return "";
  return printed().then((value) => pathAtLine(value, Number(marker[1]))?.join(".") ?? "");
}

function findDuplicateOperationId(doc: Json, operationId: string): string {
  let seen = 0;
  for (const [path, item] of Object.entries(isRecord(doc.paths) ? doc.paths : {})) {
    if (!isRecord(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (isRecord(op) && op.operationId === operationId && ++seen === 2) {
        return ["paths", path, method, "operationId"].join(".");
      }
    }
  }
  return "";
}

function explain(message: string): string {
  const [head, ...rest] = message.split("\n\n");
  const reason = head.replace(/^[A-Z]+(?: [A-Z]+)* (?=[a-z])/, "").replace(/\s*\n\s*/g, " ");
  const hint = /\^+ (.+)$/m.exec(rest.join("\n"))?.[1];
  return hint && !hint.startsWith(reason.split(" ")[0]) ? `${reason} (${hint})` : reason;
}

async function toProblems(doc: Json, items: { message: string }[], extra = 0) {
  let printed: Promise<unknown> | null = null;
  // The parser prints the dereferenced document; re-create that exact document only if needed.
  const getPrinted = () => {
    printed ??= dereference(structuredClone(doc) as never, PARSER_OPTIONS).catch(() => null);
    return printed;
  };
  const problems: OpenApiProblem[] = [];
  for (const item of items.slice(0, MAX_PROBLEMS)) {
    problems.push({
      path: await locate(doc, getPrinted, item.message),
      message: explain(item.message),
    });
  }
  if (extra > 0) problems.push({ path: "", message: `…and ${extra} more problems` });
  return problems;
}

function resolveServerUrl(doc: Json): string | null {
  const server = Array.isArray(doc.servers) ? doc.servers[0] : undefined;
  if (!isRecord(server) || typeof server.url !== "string") return null;
  const variables = isRecord(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (match, name: string) => {
    const variable = variables[name];
    return isRecord(variable) && typeof variable.default === "string" ? variable.default : match;
  });
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    if (parsed.username || parsed.password || /[{}]/.test(parsed.href)) return null;
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null; // relative ("/v1") or unresolvable: the creator must supply the host
  }
}

/**
 * Parses and validates an OpenAPI 3.0/3.1 (or Swagger 2.0, converted) document given as JSON or
 * YAML text and lists its operations as model tools. Never fetches anything: documents with
 * external `$ref`s are refused. Circular schemas are kept as `$ref`s in `document`.
 */
export async function parseOpenApi(
  text: string,
  options: { maxBytes?: number; maxOperations?: number } = {},
): Promise<ParsedOpenApi> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxOperations = options.maxOperations ?? DEFAULT_MAX_OPERATIONS;
  if (Buffer.byteLength(text, "utf8") > maxBytes) {
    return fail("", `The document is larger than ${formatBytes(maxBytes)}`);
  }
  const parsed = parseText(text);
  if (!parsed.ok) return parsed;
  if (!isRecord(parsed.value)) {
    return fail("", "The document must be a JSON or YAML object with an `openapi` field");
  }
  const version = checkVersion(parsed.value);
  if ("problem" in version) return fail("", version.problem);
  const external = findExternalRefs(parsed.value);
  if (external.length > 0) return { ok: false, problems: external };

  let doc = parsed.value;
  if (version.kind === "2.0") {
    const converted = await convertSwagger(doc);
    if (!converted.ok) return converted;
    doc = converted.value;
  }

  let document: object;
  try {
    const result = await validate(structuredClone(doc) as never, PARSER_OPTIONS);
    if (!result.valid) {
      return { ok: false, problems: await toProblems(doc, result.errors, result.additionalErrors) };
    }
    const warnings = await toProblems(doc, result.warnings);
    document = await dereference(structuredClone(doc) as never, PARSER_OPTIONS);
    const operations = extractOperations(document);
    if (operations.length === 0)
      return fail("paths", "The document defines no operations under `paths`");
    if (operations.length > maxOperations) {
      return fail(
        "paths",
        `The document has ${operations.length} operations; the limit is ${maxOperations}`,
      );
    }
    return {
      ok: true,
      title:
        isRecord(doc.info) && typeof doc.info.title === "string" ? doc.info.title : "Untitled API",
      version: String(doc.openapi),
      ...(version.kind === "2.0" ? { convertedFrom: "2.0" as const } : {}),
      serverUrl: resolveServerUrl(doc),
      operations,
      warnings,
      document,
    };
  } catch (error) {
    return fail("", `The document could not be read: ${(error as Error).message}`);
  }
}
