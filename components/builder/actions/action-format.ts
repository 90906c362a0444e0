import type { ActionAuthView, ActionOperationView, ActionView } from "@/lib/gpt-actions/types";

export const API_KEY_PLACEMENT_LABELS = {
  header: "Header",
  query: "Query parameter",
  basic: "Basic",
  bearer: "Bearer",
} as const;

/** "API key •••• set", "OAuth", "No auth": never the secret itself (the API never returns it). */
export function authSummary(auth: ActionAuthView): string {
  if (auth.kind === "none") return "No auth";
  if (auth.kind === "oauth") return auth.hasSecret ? "OAuth" : "OAuth (no client secret)";
  const where = API_KEY_PLACEMENT_LABELS[auth.placement];
  const name = auth.placement === "header" || auth.placement === "query" ? ` ${auth.name}` : "";
  return `API key (${where}${name}) ${auth.hasSecret ? "•••• set" : "not set"}`;
}

export function enabledSummary(operations: ActionOperationView[]): string {
  const enabled = operations.filter((operation) => operation.isEnabled).length;
  const noun = operations.length === 1 ? "operation" : "operations";
  return `${enabled} of ${operations.length} ${noun} enabled`;
}

export function warningCount(action: ActionView): number {
  return action.operations.reduce((total, operation) => total + operation.warnings.length, 0);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Badge variant by status class; the status number and text are always shown as well. */
export function statusVariant(status: number | null) {
  if (status === null) return "destructive" as const;
  if (status < 300) return "success" as const;
  if (status < 400) return "outline" as const;
  if (status < 500) return "warning" as const;
  return "destructive" as const;
}

/** Pretty-prints JSON bodies; anything else is shown as sent. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong. Please try again.";
}
