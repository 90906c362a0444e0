import { toToolName } from "./tool-name";

export type JsonSchema = Record<string, unknown>;

export type ActionParameter = {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  /** Property name in `inputSchema`; differs from `name` only when renamed to avoid a clash. */
  argName: string;
};

export type ActionRequestBody = {
  contentType:
    | "application/json"
    | "application/x-www-form-urlencoded"
    | "multipart/form-data"
    | "text/plain";
  required: boolean;
  schema: JsonSchema;
};

export type ActionOperation = {
  key: string;
  operationId: string | null;
  toolName: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";
  path: string;
  summary: string | null;
  description: string;
  parameters: ActionParameter[];
  requestBody: ActionRequestBody | null;
  inputSchema: JsonSchema;
  isConsequential: boolean;
  security: { schemes: string[] }[];
  warnings: string[];
};

type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch"] as const;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const LOCATIONS = new Set(["path", "query", "header", "cookie"]);
// OpenAPI says these header parameters SHALL be ignored; credentials come from the action's auth.
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);
const BODY_TYPES = [
  "application/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "text/plain",
] as const;
const MAX_DESCRIPTION = 300;
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

function withDescription(schema: JsonSchema, description: string | undefined): JsonSchema {
  return description && schema.description === undefined ? { ...schema, description } : schema;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

function parameterSchema(document: Json, param: Json): unknown {
  if (param.schema !== undefined) return param.schema;
  const content = resolveLocalRef(document, param.content);
  const first = content ? Object.values(content)[0] : undefined;
  return isRecord(first) ? first.schema : undefined;
}

function mergeParameters(document: Json, lists: unknown[], warnings: string[]): Json[] {
  const byKey = new Map<string, Json>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const param = resolveLocalRef(document, entry);
      if (!param || typeof param.name !== "string" || typeof param.in !== "string") continue;
      if (!LOCATIONS.has(param.in)) continue;
      if (param.in === "header" && IGNORED_HEADERS.has(param.name.toLowerCase())) {
        warnings.push(`header parameter "${param.name}" is ignored`);
        continue;
      }
      // Operation-level parameters come later and override path-level ones (same name + in).
      byKey.set(`${param.in}:${param.name}`, param);
    }
  }
  return [...byKey.values()];
}

function pickRequestBody(
  document: Json,
  raw: unknown,
  warnings: string[],
): ActionRequestBody | null {
  const body = resolveLocalRef(document, raw);
  const content = body ? resolveLocalRef(document, body.content) : null;
  if (!body || !content || Object.keys(content).length === 0) return null;
  const media = new Map<string, unknown>();
  for (const [type, value] of Object.entries(content)) {
    const bare = type.split(";")[0].trim().toLowerCase();
    const normalised =
      bare === "*/*" || bare === "application/*" || /\+json$/.test(bare)
        ? "application/json"
        : bare;
    if (!media.has(normalised)) media.set(normalised, value);
  }
  const contentType = BODY_TYPES.find((type) => media.has(type));
  if (!contentType) {
    warnings.push(`request body type ${Object.keys(content).join(", ")} is not supported`);
    return null;
  }
  const entry = media.get(contentType);
  const rawSchema = isRecord(entry) ? entry.schema : undefined;
  let schema = toModelSchema(rawSchema ?? {}, { document, depth: 1, isRequest: true });
  if (contentType === "text/plain" && schema.type === undefined)
    schema = { ...schema, type: "string" };
  return {
    contentType,
    required: body.required === true,
    schema: withDescription(schema, text(body.description) ?? undefined),
  };
}

function buildParameters(document: Json, params: Json[], hasBody: boolean) {
  // `body` is reserved for the request body; a clashing parameter becomes `<in>_<name>`.
  const used = new Set<string>(hasBody ? ["body"] : []);
  return params.map((param): ActionParameter => {
    const location = param.in as ActionParameter["in"];
    const name = param.name as string;
    let argName = name;
    if (location !== "cookie") {
      if (used.has(argName)) argName = `${location}_${name}`;
      for (let counter = 2; used.has(argName); counter++)
        argName = `${location}_${name}_${counter}`;
      used.add(argName);
    }
    const description = text(param.description) ?? undefined;
    const schema = toModelSchema(parameterSchema(document, param) ?? {}, {
      document,
      depth: 1,
      isRequest: true,
    });
    return {
      name,
      in: location,
      required: location === "path" || param.required === true,
      ...(description ? { description } : {}),
      schema: withDescription(schema, description),
      argName,
    };
  });
}

function buildInputSchema(parameters: ActionParameter[], body: ActionRequestBody | null) {
  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const param of parameters) {
    if (param.in === "cookie") continue;
    properties[param.argName] = param.schema;
    if (param.required) required.push(param.argName);
  }
  if (body) {
    properties.body = body.schema;
    if (body.required) required.push("body");
  }
  return {
    type: "object",
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function operationKey(method: string, path: string): string {
  const slug = `${method}_${path}`
    .replace(/[^a-zA-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
  return slug || method;
}

function uniqueKey(key: string, keys: Set<string>): string {
  let candidate = key;
  for (let counter = 2; keys.has(candidate); counter++) candidate = `${key}_${counter}`;
  keys.add(candidate);
  return candidate;
}

/** Lists the callable operations of a dereferenced OpenAPI 3.x document, in document order. */
export function extractOperations(document: object): ActionOperation[] {
  const doc = document as Json;
  const paths = isRecord(doc.paths) ? doc.paths : {};
  const toolNames = new Set<string>();
  const keys = new Set<string>();
  const operations: ActionOperation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolveLocalRef(doc, rawItem);
    if (!item) continue;
    for (const method of METHODS) {
      const op = resolveLocalRef(doc, item[method]);
      if (!op) continue;
      const upper = method.toUpperCase() as ActionOperation["method"];
      const warnings: string[] = [];
      const operationId = text(op.operationId);
      if (!operationId) warnings.push("has no operationId");
      const key = uniqueKey(operationId ?? operationKey(method, path), keys);
      const summary = text(op.summary);
      const details = text(op.description);
      const description =
        summary && details && details !== summary
          ? `${summary}\n\n${details}`
          : (summary ?? details ?? "");
      if (description.length > MAX_DESCRIPTION) {
        warnings.push(
          `description is longer than ${MAX_DESCRIPTION} characters (${description.length})`,
        );
      }
      const requestBody = pickRequestBody(doc, op.requestBody, warnings);
      const merged = mergeParameters(doc, [item.parameters, op.parameters], warnings);
      const parameters = buildParameters(doc, merged, requestBody !== null);
      const consequential = op["x-openai-isConsequential"];
      const security = Array.isArray(op.security)
        ? op.security
        : Array.isArray(doc.security)
          ? doc.security
          : [];
      operations.push({
        key,
        operationId,
        toolName: toToolName(operationId ?? key, toolNames),
        method: upper,
        path,
        summary,
        description,
        parameters,
        requestBody,
        inputSchema: buildInputSchema(parameters, requestBody),
        isConsequential:
          typeof consequential === "boolean" ? consequential : !SAFE_METHODS.has(upper),
        security: security.map((requirement) => ({
          schemes: isRecord(requirement) ? Object.keys(requirement) : [],
        })),
        warnings,
      });
    }
  }
  return operations;
}
