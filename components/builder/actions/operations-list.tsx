"use client";

import type { ActionOperationView } from "@/lib/gpt-actions/types";
import { enabledSummary } from "./action-format";
import { OperationRow } from "./operation-row";

/** Step 3: every operation the document (or MCP server) offers, each switchable. */
export function OperationsList({
  operations,
  disabledKeys,
  testableKeys,
  emptyMessage,
  onToggle,
  onTest,
}: {
  operations: ActionOperationView[];
  disabledKeys: ReadonlySet<string>;
  /** Operations of the saved action; the rest say "Save to test". */
  testableKeys: ReadonlySet<string>;
  emptyMessage: string;
  onToggle: (key: string, isEnabled: boolean) => void;
  onTest: (operation: ActionOperationView) => void;
}) {
  if (operations.length === 0) {
    return <p className="text-sm text-muted-foreground">{emptyMessage}</p>;
  }
  const shown = operations.map((operation) => ({
    ...operation,
    isEnabled: !disabledKeys.has(operation.key),
  }));
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {enabledSummary(shown)}. Switch off what the GPT should never call.
      </p>
      <ul aria-label="Operations" className="divide-y overflow-hidden rounded-lg border">
        {shown.map((operation) => (
          <OperationRow
            key={operation.key}
            operation={operation}
            isEnabled={operation.isEnabled}
            canTest={testableKeys.has(operation.key)}
            onToggle={(isEnabled) => onToggle(operation.key, isEnabled)}
            onTest={() => onTest(operation)}
          />
        ))}
      </ul>
    </div>
  );
}
