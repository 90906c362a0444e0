import type { JsonSchema } from "./operations";

/**
 * OpenAPI schemas turned into the JSON Schema a model gets for a tool: no $ref (local ones
 * followed, cycles cut), depth and size capped, only keywords models and Ajv understand.
 */

type Json = Record<string, unknown>;

const MAX_SCHEMA_DEPTH = 8;
// Caps the size of one tool schema: shared sub-schemas in a dereferenced document can expand
// to hundreds of thousands of nodes, which no model prompt can carry.
const MAX_SCHEMA_NODES = 2_000;
const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "array", "object", "null"]);
const COPIED_KEYWORDS = [
  "title",
  "description",
  "format",
  "default",
  "const",
  "minimum",
  "maximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "contentMediaType",
  "contentEncoding",
  "deprecated",
];

export function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows local `#/…` references left in place (circular ones), at most a few hops. */
export function resolveLocalRef(document: Json, value: unknown): Json | null {
  let current = value;
  for (let hop = 0; hop < 10 && isRecord(current) && typeof current.$ref === "string"; hop++) {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) return null;
    current = ref
      .slice(2)
      .split("/")
      .map((token) => decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((node, token) => (isRecord(node) ? node[token] : undefined), document);
  }
  return isRecord(current) && typeof current.$ref !== "string" ? current : null;
}

type SchemaContext = { document: Json; nodes: number; ancestors: Set<object>; isRequest: boolean };

function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

function cutSchema(raw: Json): JsonSchema {
  return typeof raw.description === "string" ? { description: raw.description } : {};
}

function convertType(raw: Json): string | string[] | undefined {
  const declared = Array.isArray(raw.type) ? raw.type : raw.type === undefined ? [] : [raw.type];
  const types = declared
    .map((type) => (type === "file" ? "string" : type))
    .filter((type): type is string => typeof type === "string" && JSON_TYPES.has(type));
  if (types.length === 0) return undefined;
  if (raw.nullable === true && !types.includes("null")) types.push("null");
  const unique = [...new Set(types)];
  return unique.length === 1 ? unique[0] : unique;
}

function convertSchema(input: unknown, depth: number, ctx: SchemaContext): JsonSchema {
  if (input === false) return { not: {} };
  if (!isRecord(input)) return {};
  // Circular references stay as `$ref` in the dereferenced document; follow them here and let
  // the ancestor check cut the cycle.
  const raw = typeof input.$ref === "string" ? resolveLocalRef(ctx.document, input) : input;
  if (!raw || depth > MAX_SCHEMA_DEPTH) return cutSchema(input);
  if (ctx.nodes >= MAX_SCHEMA_NODES || ctx.ancestors.has(raw)) return cutSchema(raw);
  ctx.nodes++;
  ctx.ancestors.add(raw);
  try {
    return convertKeywords(raw, depth, ctx);
  } finally {
    ctx.ancestors.delete(raw);
  }
}

/** OpenAPI 3.0/3.1 schema object → JSON Schema 2020-12 that Ajv and chat models both accept. */
function convertKeywords(raw: Json, depth: number, ctx: SchemaContext): JsonSchema {
  const out: JsonSchema = {};
  const child = (value: unknown) => convertSchema(value, depth + 1, ctx);
  const type = convertType(raw);
  if (type !== undefined) out.type = type;
  for (const keyword of COPIED_KEYWORDS) {
    if (raw[keyword] !== undefined) out[keyword] = raw[keyword];
  }
  if (typeof raw.pattern === "string" && isValidPattern(raw.pattern)) out.pattern = raw.pattern;
  if (Array.isArray(raw.enum)) {
    out.enum = raw.nullable === true && !raw.enum.includes(null) ? [...raw.enum, null] : raw.enum;
  }
  for (const bound of ["Minimum", "Maximum"] as const) {
    const exclusive = raw[`exclusive${bound}`];
    const limit = raw[bound.toLowerCase()];
    if (typeof exclusive === "number") out[`exclusive${bound}`] = exclusive;
    if (exclusive === true && typeof limit === "number") {
      out[`exclusive${bound}`] = limit;
      delete out[bound.toLowerCase()];
    }
  }
  if (Array.isArray(raw.items)) out.prefixItems = raw.items.map(child);
  else if (raw.items !== undefined) out.items = child(raw.items);
  if (Array.isArray(raw.prefixItems)) out.prefixItems = raw.prefixItems.map(child);
  const readOnly = new Set<string>();
  if (isRecord(raw.properties)) {
    const properties: JsonSchema = {};
    for (const [name, value] of Object.entries(raw.properties)) {
      // A request must not carry server-owned fields.
      if (ctx.isRequest && isRecord(value) && value.readOnly === true) {
        readOnly.add(name);
        continue;
      }
      properties[name] = child(value);
    }
    out.properties = properties;
  }
  if (Array.isArray(raw.required)) {
    const required = raw.required.filter(
      (name): name is string => typeof name === "string" && !readOnly.has(name),
    );
    if (required.length > 0) out.required = [...new Set(required)];
  }
  if (typeof raw.additionalProperties === "boolean") {
    out.additionalProperties = raw.additionalProperties;
  } else if (isRecord(raw.additionalProperties)) {
    out.additionalProperties = child(raw.additionalProperties);
  }
  // oneOf branches in real documents overlap often; anyOf keeps the model's valid calls valid.
  for (const [from, to] of [
    ["allOf", "allOf"],
    ["anyOf", "anyOf"],
    ["oneOf", "anyOf"],
  ] as const) {
    const branches = raw[from];
    if (Array.isArray(branches) && branches.length > 0) {
      const converted = branches.map(child);
      out[to] = Array.isArray(out[to]) ? [...(out[to] as JsonSchema[]), ...converted] : converted;
    }
  }
  if (raw.not !== undefined) out.not = child(raw.not);
  return out;
}

/** Converts one schema for the model; `depth` is its nesting level inside the tool's input. */
export function toModelSchema(
  raw: unknown,
  options: { document: Json; depth: number; isRequest: boolean },
) {
  return convertSchema(raw, options.depth, {
    document: options.document,
    nodes: 0,
    ancestors: new Set(),
    isRequest: options.isRequest,
  });
}
