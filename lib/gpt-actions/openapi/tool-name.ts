const MAX_TOOL_NAME_LENGTH = 64;

/**
 * Turns an operationId (or a generated key) into a tool name chat models accept
 * (`^[a-zA-Z0-9_-]{1,64}$`) and that is not already in `taken`. The chosen name is added to
 * `taken`, so calling it for every operation of a document yields unique names (`_2`, `_3`…).
 */
export function toToolName(raw: string, taken: Set<string>): string {
  const cleaned =
    raw
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-zA-Z0-9_-]+/g, "_")
      .replace(/_{2,}/g, "_")
      .replace(/^[_-]+|[_-]+$/g, "") || "operation";
  const base = cleaned.slice(0, MAX_TOOL_NAME_LENGTH);
  let name = base;
  for (let counter = 2; taken.has(name); counter++) {
    const suffix = `_${counter}`;
    name = `${base.slice(0, MAX_TOOL_NAME_LENGTH - suffix.length)}${suffix}`;
  }
  taken.add(name);
  return name;
}
