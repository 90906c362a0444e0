"use client";

import { KeyRound, Pencil, Trash2, TriangleAlert } from "lucide-react";
import { useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionView } from "@/lib/gpt-actions/types";
import { authSummary, enabledSummary, plural, warningCount } from "./action-format";

export type ActionCardProps = {
  action: ActionView;
  isRemoving?: boolean;
  onEdit: (action: ActionView) => void;
  onRemove: (action: ActionView) => void;
};

/** One saved action: what it calls, how it signs in, and how many operations the GPT may use. */
export function ActionCard({ action, isRemoving = false, onEdit, onRemove }: ActionCardProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const warnings = warningCount(action);
  const titleId = `action-card-${action.id}`;

  return (
    <li
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-lg border p-4 sm:flex-row sm:items-start"
      data-testid="action-card"
      data-action-id={action.id}
    >
      <div className="grid min-w-0 flex-1 gap-1.5">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <h4 id={titleId} className="min-w-0 truncate text-sm font-medium" title={action.name}>
            {action.name}
          </h4>
          <Badge variant="secondary">{action.kind === "mcp" ? "MCP" : "OpenAPI"}</Badge>
        </div>
        <p className="truncate font-mono text-xs text-muted-foreground" title={action.serverUrl}>
          {action.domain}
        </p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
          <span className="inline-flex items-center gap-1">
            <KeyRound aria-hidden="true" className="size-3.5" />
            <span className="sr-only">Authentication: </span>
            {authSummary(action.auth)}
          </span>
          <span>{enabledSummary(action.operations)}</span>
          {warnings > 0 ? (
            <span className="inline-flex items-center gap-1 text-warning">
              <TriangleAlert aria-hidden="true" className="size-3.5" />
              {plural(warnings, "warning")}
            </span>
          ) : null}
        </p>
      </div>
      <div className="flex shrink-0 gap-2">
        <Button type="button" variant="outline" size="sm" onClick={() => onEdit(action)}>
          <Pencil aria-hidden="true" />
          Edit
          <span className="sr-only"> {action.name}</span>
        </Button>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          className="text-muted-foreground hover:text-destructive"
          isLoading={isRemoving}
          onClick={() => setIsConfirming(true)}
        >
          {isRemoving ? null : <Trash2 aria-hidden="true" />}
          Remove
          <span className="sr-only"> {action.name}</span>
        </Button>
      </div>
      <AlertDialog open={isConfirming} onOpenChange={setIsConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle className="break-words">Remove {action.name}?</AlertDialogTitle>
            <AlertDialogDescription>
              The draft stops calling {action.domain} and its settings and saved credentials are
              deleted from it. People using the published GPT keep this action until you publish
              again.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={() => onRemove(action)}>
              Remove action
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </li>
  );
}
