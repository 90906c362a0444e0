import type { ActionOperationView, JsonSchema } from "@/lib/gpt-actions/types";

export type ArgControl = "text" | "number" | "integer" | "boolean" | "enum" | "json";

/** One input of the Test form: a parameter (OpenAPI) or a tool argument (MCP). */
export type ArgField = {
  name: string;
  location: "path" | "query" | "header" | "cookie" | "argument";
  isRequired: boolean;
  description: string | null;
  control: ArgControl;
  options: string[];
  initial: string;
};

export const BODY_KEY = "body";

function schemaType(schema: JsonSchema): string | null {
  const type = schema.type;
  if (Array.isArray(type)) return (type.find((item) => item !== "null") as string) ?? null;
  return typeof type === "string" ? type : null;
}

function controlOf(schema: JsonSchema): ArgControl {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return "enum";
  const type = schemaType(schema);
  if (type === "integer" || type === "number" || type === "boolean") return type;
  if (type === "object" || type === "array") return "json";
  return "text";
}

function initialOf(schema: JsonSchema, control: ArgControl): string {
  const value = schema.default ?? schema.example;
  if (value === undefined || value === null) return "";
  return control === "json" ? JSON.stringify(value, null, 2) : String(value);
}

function fieldOf(
  name: string,
  location: ArgField["location"],
  schema: JsonSchema,
  isRequired: boolean,
  description?: string,
): ArgField {
  const control = controlOf(schema);
  const text = description ?? (typeof schema.description === "string" ? schema.description : null);
  return {
    name,
    location,
    // Path parameters are always required (OpenAPI says so even when a document forgets).
    isRequired: isRequired || location === "path",
    description: text || null,
    control,
    options: control === "enum" ? (schema.enum as unknown[]).map(String) : [],
    initial: initialOf(schema, control),
  };
}

export function argFieldsOf(operation: ActionOperationView): ArgField[] {
  if (operation.method === "TOOL") {
    const properties = (operation.inputSchema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((operation.inputSchema.required as string[] | undefined) ?? []);
    return Object.entries(properties).map(([name, schema]) =>
      fieldOf(name, "argument", schema, required.has(name)),
    );
  }
  return operation.parameters.map((parameter) =>
    fieldOf(
      parameter.name,
      parameter.in,
      parameter.schema,
      parameter.required,
      parameter.description,
    ),
  );
}

/** A starting body: the required properties with placeholder values of the right type. */
export function bodySkeleton(schema: JsonSchema, depth = 0): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const variants = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (Array.isArray(variants) && variants[0]) return bodySkeleton(variants[0], depth);
  if (Array.isArray(schema.allOf)) {
    const merged = (schema.allOf as JsonSchema[]).map((part) => bodySkeleton(part, depth));
    return Object.assign({}, ...merged.filter((part) => typeof part === "object" && part));
  }
  const type = schemaType(schema) ?? (schema.properties ? "object" : null);
  if (type === "object") {
    if (depth > 4) return {};
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = (schema.required as string[] | undefined) ?? [];
    return Object.fromEntries(
      required.map((name) => [name, bodySkeleton(properties[name] ?? {}, depth + 1)]),
    );
  }
  if (type === "array") return [];
  if (type === "integer" || type === "number") return 0;
  if (type === "boolean") return false;
  if (type === "string") return "string";
  return null;
}

export type ArgsResult =
  | { isValid: true; args: Record<string, unknown> }
  | { isValid: false; errors: Record<string, string> };

/** Turns the form's text into typed arguments; every problem is keyed by field name. */
export function buildArgs({
  fields,
  values,
  body,
}: {
  fields: ArgField[];
  values: Record<string, string>;
  /** The JSON body as typed, when the operation takes one. */
  body: { text: string; isRequired: boolean } | null;
}): ArgsResult {
  const args: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const raw = (values[field.name] ?? "").trim();
    if (!raw) {
      if (field.isRequired) errors[field.name] = `Enter ${field.name}; it is required.`;
      continue;
    }
    if (field.control === "number" || field.control === "integer") {
      const number = Number(raw);
      if (!Number.isFinite(number)) errors[field.name] = "Enter a number.";
      else if (field.control === "integer" && !Number.isInteger(number)) {
        errors[field.name] = "Enter a whole number.";
      } else args[field.name] = number;
    } else if (field.control === "boolean") {
      args[field.name] = raw === "true";
    } else if (field.control === "json") {
      const parsed = parseJson(raw);
      if (parsed.isValid) args[field.name] = parsed.value;
      else errors[field.name] = parsed.message;
    } else {
      args[field.name] = raw;
    }
  }
  if (body) {
    const text = body.text.trim();
    if (!text && body.isRequired) errors[BODY_KEY] = "This operation needs a request body.";
    if (text) {
      const parsed = parseJson(text);
      if (parsed.isValid) args[BODY_KEY] = parsed.value;
      else errors[BODY_KEY] = parsed.message;
    }
  }
  return Object.keys(errors).length > 0 ? { isValid: false, errors } : { isValid: true, args };
}

function parseJson(
  text: string,
): { isValid: true; value: unknown } | { isValid: false; message: string } {
  try {
    return { isValid: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : "";
    return { isValid: false, message: `This is not valid JSON${detail ? `: ${detail}` : "."}` };
  }
}
