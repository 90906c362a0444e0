import { describeSchema, type SchemaField } from "./reference-schema";

/**
 * The API reference page's model, read from the generated OpenAPI document (never written per
 * endpoint): operations grouped by tag, each with its scope, parameters, body and response fields
 * and a curl sample. Pure: the page renders it, a test can inspect it.
 */

type Json = Record<string, unknown>;

export type { SchemaField };

export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  scope: string | null;
  pathParams: SchemaField[];
  queryParams: SchemaField[];
  body: { contentTypes: string[]; fields: SchemaField[] } | null;
  response: { status: string; description: string; contentTypes: string[]; fields: SchemaField[] };
  errorStatuses: string[];
  curl: string;
};

export type ReferenceGroup = { tag: string; description: string; operations: ReferenceOperation[] };

export type ApiReference = { baseUrl: string; groups: ReferenceGroup[] };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const isJson = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Placeholders a reader replaces in the samples. */
function samplePath(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === "number" ? "1" : name === "id" ? "$GPT_ID" : `$${name.toUpperCase()}`,
  );
}

function curlOf(baseUrl: string, method: string, path: string, operation: Json): string {
  const lines = [`curl "${baseUrl}${samplePath(path)}"`];
  const content = isJson(operation.requestBody) ? operation.requestBody.content : undefined;
  const multipart = isJson(content) ? content["multipart/form-data"] : undefined;
  const json = isJson(content) ? content["application/json"] : undefined;
  const isPost = method === "post";
  if (!isPost && method !== "get") lines.push(`-X ${method.toUpperCase()}`);
  lines.push(`-H "Authorization: Bearer $ATELIER_API_KEY"`);
  if (isJson(multipart)) {
    const example = isJson(multipart.example) ? multipart.example : { file: "@file" };
    for (const [name, value] of Object.entries(example))
      lines.push(`-F "${name}=${String(value)}"`);
  } else if (isJson(json)) {
    lines.push(`-H "Content-Type: application/json"`);
    // Indented under the -d line; single quotes escaped for the shell.
    const body = JSON.stringify(json.example ?? {}, null, 2)
      .replaceAll("'", "'\\''")
      .replaceAll("\n", "\n  ");
    lines.push(`-d '${body}'`);
  }
  return lines.join(" \\\n  ");
}

function paramsOf(document: Json, operation: Json, location: "path" | "query"): SchemaField[] {
  const params = Array.isArray(operation.parameters) ? operation.parameters.filter(isJson) : [];
  return params
    .filter((param) => param.in === location)
    .map((param) => ({
      ...describeSchema(document, param.schema, String(param.name), param.required === true),
      description: typeof param.description === "string" ? param.description : null,
    }));
}

function bodyOf(document: Json, operation: Json): ReferenceOperation["body"] {
  const content = isJson(operation.requestBody) ? operation.requestBody.content : undefined;
  if (!isJson(content)) return null;
  const contentTypes = Object.keys(content);
  // Multipart first where both exist: it is the form an upload or a zip import takes.
  const preferred = content["multipart/form-data"] ?? content[contentTypes[0] ?? ""];
  const schema = isJson(preferred) ? preferred.schema : undefined;
  return { contentTypes, fields: describeSchema(document, schema, "body", true).children };
}

function responseOf(document: Json, operation: Json): ReferenceOperation["response"] {
  const responses = isJson(operation.responses) ? operation.responses : {};
  const [status, response] = Object.entries(responses).find(([code]) => code.startsWith("2")) ?? [
    "200",
    {},
  ];
  const content = isJson(response) && isJson(response.content) ? response.content : {};
  const contentTypes = Object.keys(content);
  const first = content[contentTypes[0] ?? ""];
  return {
    status,
    description: isJson(response) ? String(response.description ?? "") : "",
    contentTypes,
    fields: isJson(first) ? describeSchema(document, first.schema, "body", true).children : [],
  };
}

function scopeOf(operation: Json): string | null {
  const [requirement] = Array.isArray(operation.security) ? operation.security : [];
  const [scope] = isJson(requirement) ? Object.values(requirement).flat() : [];
  return typeof scope === "string" ? scope : null;
}

/** The reference page's model of a document built by ./document.ts. */
export function buildApiReference(openApiDocument: object): ApiReference {
  const document = openApiDocument as Json;
  const [server] = Array.isArray(document.servers) ? document.servers.filter(isJson) : [];
  const baseUrl = String(server?.url ?? "/api/v1");
  const tags = Array.isArray(document.tags) ? document.tags.filter(isJson) : [];
  const groups: ReferenceGroup[] = tags.map((tag) => ({
    tag: String(tag.name),
    description: String(tag.description ?? ""),
    operations: [],
  }));
  const paths = isJson(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isJson(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isJson(operation)) continue;
      const [tag] = Array.isArray(operation.tags) ? operation.tags : [];
      let group = groups.find((candidate) => candidate.tag === tag);
      if (!group) {
        group = { tag: String(tag ?? "Other"), description: "", operations: [] };
        groups.push(group);
      }
      const responses = isJson(operation.responses) ? Object.keys(operation.responses) : [];
      group.operations.push({
        id: String(operation.operationId ?? `${method}-${path}`),
        method: method.toUpperCase(),
        path,
        summary: String(operation.summary ?? ""),
        description: String(operation.description ?? ""),
        scope: scopeOf(operation),
        pathParams: paramsOf(document, operation, "path"),
        queryParams: paramsOf(document, operation, "query"),
        body: bodyOf(document, operation),
        response: responseOf(document, operation),
        errorStatuses: responses.filter((status) => /^[45]/.test(status)),
        curl: curlOf(baseUrl, method, path, operation),
      });
    }
  }
  return { baseUrl, groups: groups.filter((group) => group.operations.length > 0) };
}
