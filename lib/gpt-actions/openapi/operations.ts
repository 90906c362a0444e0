import { isRecord, resolveLocalRef, toModelSchema } from "./model-schema";
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
