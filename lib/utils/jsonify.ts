/**
 * What JSON carries for a value: bigints (micro-dollars) as decimal strings, dates as ISO strings.
 * Route handlers return `jsonify(value)`; clients read the `Jsonified<T>` type of the server's own.
 */
export type Jsonified<T> = T extends bigint
  ? string
  : T extends Date
    ? string
    : T extends (infer Item)[]
      ? Jsonified<Item>[]
      : T extends object
        ? { [Key in keyof T]: Jsonified<T[Key]> }
        : T;

export function jsonify<T>(value: T): Jsonified<T> {
  return convert(value) as Jsonified<T>;
}

function convert(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(convert);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(item)]));
  }
  return value;
}
