"use client";

import { FlaskConical, ShieldAlert, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import type { ActionOperationView } from "@/lib/gpt-actions/types";
import { MethodBadge } from "./method-badge";
import { operationWarnings } from "./operation-warnings";

export function operationLabel(operation: ActionOperationView): string {
  if (operation.method === "TOOL") return operation.path;
  return operation.operationId ?? "(no operationId)";
}

/** One operation (or MCP tool): on/off for the GPT, what it is, its warnings, and Test. */
export function OperationRow({
  operation,
  isEnabled,
  canTest,
  onToggle,
  onTest,
}: {
  operation: ActionOperationView;
  isEnabled: boolean;
  /** Only a saved operation can be tested. */
  canTest: boolean;
  onToggle: (isEnabled: boolean) => void;
  onTest: () => void;
}) {
  const label = operationLabel(operation);
  const warnings = operationWarnings(operation);
  const description = operation.summary || operation.description;

  return (
    <li
      className="flex items-start gap-3 px-3 py-3"
      data-testid="operation-row"
      data-operation-key={operation.key}
    >
      <Switch
        checked={isEnabled}
        className="mt-0.5"
        aria-label={`Enable ${label}`}
        onCheckedChange={onToggle}
      />
      <div className="grid min-w-0 flex-1 gap-1">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <MethodBadge method={operation.method} />
          <span
            className={
              operation.operationId || operation.method === "TOOL"
                ? "min-w-0 truncate font-mono text-sm font-medium"
                : "min-w-0 truncate text-sm text-muted-foreground italic"
            }
          >
            {label}
          </span>
          {operation.isConsequential ? (
            <Badge variant="warning" title="People are asked before every call">
              <ShieldAlert aria-hidden="true" />
              Consequential
            </Badge>
          ) : null}
        </div>
        {operation.method !== "TOOL" ? (
          <p className="truncate font-mono text-xs text-muted-foreground" title={operation.path}>
            {operation.path}
          </p>
        ) : null}
        {description ? (
          <p className="line-clamp-2 text-xs text-muted-foreground" title={operation.description}>
            {description}
          </p>
        ) : null}
        {warnings.length > 0 ? (
          <ul aria-label={`Warnings for ${label}`} className="grid gap-0.5">
            {warnings.map((warning) => (
              <li key={warning} className="flex items-start gap-1.5 text-xs text-warning">
                <TriangleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
                <span>
                  <span className="sr-only">Warning: </span>
                  {warning}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="shrink-0">
        {canTest ? (
          <Button
            type="button"
            variant="outline"
            size="sm"
            data-testid="operation-test"
            onClick={onTest}
          >
            <FlaskConical aria-hidden="true" />
            Test
            <span className="sr-only"> {label}</span>
          </Button>
        ) : (
          <span className="text-xs text-muted-foreground">Save to test</span>
        )}
      </div>
    </li>
  );
}
