/**
 * JSON Schema (as the generated OpenAPI document holds it) → the rows the reference page shows:
 * a readable type ("string | null", "GptSummary[]"), whether it is required, its description,
 * short notes for its constraints, and its properties as children. Pure.
 */

type Json = Record<string, unknown>;

export type SchemaField = {
  name: string;
  type: string;
  isRequired: boolean;
  description: string | null;
  /** Constraints and defaults in words: "at most 50 characters", "default: 20", "one of: …". */
  notes: string[];
  children: SchemaField[];
};

/** Deep enough for every shape the API has; a cycle or deeper nesting stops here. */
const MAX_DEPTH = 4;
const COMPONENT_REF = "#/components/schemas/";

const isJson = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function componentOf(document: Json, ref: string): Json {
  const components = isJson(document.components) ? document.components.schemas : undefined;
  const schema = isJson(components) ? components[ref.slice(COMPONENT_REF.length)] : undefined;
  return isJson(schema) ? schema : {};
}

type Resolved = { schema: Json; refName: string | null; isNullable: boolean };

/** Follows $refs and folds `anyOf: [X, null]` / `type: [X, "null"]` into X plus nullability. */
function resolve(document: Json, value: unknown): Resolved {
  let schema: Json = isJson(value) ? value : {};
  let refName: string | null = null;
  let isNullable = false;
  for (let hops = 0; hops < 10; hops++) {
    if (typeof schema.$ref === "string" && schema.$ref.startsWith(COMPONENT_REF)) {
      refName = schema.$ref.slice(COMPONENT_REF.length);
      const { $ref: _, ...siblings } = schema;
      schema = { ...componentOf(document, schema.$ref), ...siblings };
      continue;
    }
    const variants = Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf;
    if (Array.isArray(variants)) {
      const nonNull = variants.filter((variant) => !(isJson(variant) && variant.type === "null"));
      if (nonNull.length < variants.length) isNullable = true;
      if (nonNull.length === 1 && isJson(nonNull[0])) {
        const { anyOf: _a, oneOf: _o, ...siblings } = schema;
        schema = { ...nonNull[0], ...siblings };
        continue;
      }
    }
    if (Array.isArray(schema.type) && schema.type.includes("null")) {
      isNullable = true;
      const types = schema.type.filter((type) => type !== "null");
      schema = { ...schema, type: types.length === 1 ? types[0] : types };
    }
    break;
  }
  return { schema, refName, isNullable };
}

function typeLabel(document: Json, resolved: Resolved, depth = 0): string {
  const { schema, refName } = resolved;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const variants = Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf;
  if (Array.isArray(variants) && depth < MAX_DEPTH) {
    return variants
      .map((variant) => typeLabel(document, resolve(document, variant), depth + 1))
      .join(" | ");
  }
  if (schema.type === "array" && depth < MAX_DEPTH) {
    const items = resolve(document, schema.items);
    const label = typeLabel(document, items, depth + 1);
    return label.includes(" ") ? `(${label})[]` : `${label}[]`;
  }
  if (schema.type === "object" || isJson(schema.properties)) return refName ?? "object";
  if (schema.type === "string" && schema.format === "binary") return "file";
  if (schema.type === "string" && schema.format === "date-time") return "datetime";
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return typeof schema.type === "string" ? schema.type : "any";
}

function counted(count: number, unit: string): string {
  return unit ? `${count} ${unit}${count === 1 ? "" : "s"}` : String(count);
}

/** A bound worth showing: zod's integers carry the safe-integer range, which says nothing. */
const isBound = (value: unknown): value is number =>
  typeof value === "number" && Math.abs(value) < Number.MAX_SAFE_INTEGER;

function notesOf(schema: Json): string[] {
  const notes: string[] = [];
  if (Array.isArray(schema.enum)) notes.push(`one of: ${schema.enum.join(", ")}`);
  const unit = schema.type === "string" ? "character" : schema.type === "array" ? "item" : "";
  const low =
    schema.type === "string"
      ? schema.minLength
      : schema.type === "array"
        ? schema.minItems
        : schema.minimum;
  const high =
    schema.type === "string"
      ? schema.maxLength
      : schema.type === "array"
        ? schema.maxItems
        : schema.maximum;
  if (isBound(low) && isBound(high)) {
    notes.push(low === high ? `exactly ${counted(low, unit)}` : `${low}-${counted(high, unit)}`);
  } else if (isBound(high)) {
    notes.push(`at most ${counted(high, unit)}`);
  } else if (isBound(low)) {
    notes.push(unit && low === 1 ? "not empty" : `at least ${counted(low, unit)}`);
  }
  if (isBound(schema.exclusiveMinimum)) notes.push(`greater than ${schema.exclusiveMinimum}`);
  if (schema.default !== undefined) notes.push(`default: ${JSON.stringify(schema.default)}`);
  return notes;
}

function childrenOf(document: Json, schema: Json, depth: number): SchemaField[] {
  const target = schema.type === "array" ? resolve(document, schema.items).schema : schema;
  if (!isJson(target.properties) || depth >= MAX_DEPTH) return [];
  const required = new Set(Array.isArray(target.required) ? target.required : []);
  return Object.entries(target.properties).map(([name, property]) =>
    describeSchema(document, property, name, required.has(name), depth + 1),
  );
}

/** One field (or a whole body, whose properties are its children). */
export function describeSchema(
  document: Json,
  value: unknown,
  name: string,
  isRequired: boolean,
  depth = 0,
): SchemaField {
  const resolved = resolve(document, value);
  const { schema } = resolved;
  const type = typeLabel(document, resolved);
  return {
    name,
    type: resolved.isNullable ? `${type} | null` : type,
    isRequired,
    description: typeof schema.description === "string" ? schema.description : null,
    notes: notesOf(schema),
    children: childrenOf(document, schema, depth),
  };
}
