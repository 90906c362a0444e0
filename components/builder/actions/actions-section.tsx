"use client";

import { Save } from "lucide-react";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionView } from "@/lib/gpt-actions/types";
import type { CapabilityAvailability } from "@/lib/gpts/capabilities";
import { gptIdFromEditorPath } from "@/lib/knowledge/client/editor-path";
import { ActionEditorDialog } from "./action-editor-dialog";
import { ActionsCapabilityNote } from "./actions-capability-note";
import { ActionsList } from "./actions-list";
import { type ActionKind, AddActionMenu } from "./add-action-menu";
import { CallLogDialog } from "./call-log-dialog";

export type ActionsSectionProps = {
  /**
   * The saved GPT's id; null for a new GPT not saved yet. When omitted, it is read from the
   * editor's address (`/gpts/<id>/edit`, which the editor sets on the first save).
   */
  gptId?: string | null;
  /** Whether the draft's "Actions" capability is on. */
  isActionsEnabled: boolean;
  availability: CapabilityAvailability["actions"];
  /** Switches the "Actions" capability on in the draft. */
  onTurnOn: () => void;
  /** Saves the draft (creating the GPT), so actions can be added to a new GPT. */
  onSave: () => void;
};

type EditorTarget = { kind: ActionKind; action: ActionView | null; key: number };

/**
 * The Configure form's Actions section: the GPT's actions (OpenAPI or MCP) as cards, the editor
 * to add or change one, and the call log. Actions are saved on their own, not with the form.
 */
export function ActionsSection({
  gptId: gptIdProp,
  isActionsEnabled,
  availability,
  onTurnOn,
  onSave,
}: ActionsSectionProps) {
  const pathname = usePathname();
  const gptId = gptIdProp !== undefined ? gptIdProp : gptIdFromEditorPath(pathname);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [isEditorOpen, setIsEditorOpen] = useState(false);

  function openEditor(kind: ActionKind, action: ActionView | null) {
    // A new key remounts the editor, so each opening starts from the saved action.
    setEditor({ kind, action, key: Date.now() });
    setIsEditorOpen(true);
  }

  return (
    <div className="grid gap-4" data-testid="actions-section">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="min-w-0 flex-1 basis-60 text-sm text-muted-foreground">
          APIs your GPT can call while it answers. It asks people before anything that changes data,
          and every call is logged.
        </p>
        {gptId ? (
          <div className="flex shrink-0 gap-2">
            <CallLogDialog gptId={gptId} />
            <AddActionMenu onSelect={(kind) => openEditor(kind, null)} />
          </div>
        ) : null}
      </div>
      {!isActionsEnabled ? (
        <ActionsCapabilityNote availability={availability} onTurnOn={onTurnOn} />
      ) : null}
      {gptId ? (
        <ActionsList
          key={gptId}
          gptId={gptId}
          onEdit={(action) => openEditor(action.kind, action)}
        />
      ) : (
        <EmptyState
          titleAs="p"
          title="Save the GPT to add actions"
          description="Actions belong to a saved GPT. Give it a name and save; then add actions here."
          className="py-8"
          action={
            <Button type="button" variant="outline" size="sm" onClick={onSave}>
              <Save aria-hidden="true" />
              Save GPT
            </Button>
          }
        />
      )}
      {gptId && editor ? (
        <ActionEditorDialog
          key={editor.key}
          gptId={gptId}
          kind={editor.kind}
          action={editor.action}
          isOpen={isEditorOpen}
          onOpenChange={setIsEditorOpen}
        />
      ) : null}
    </div>
  );
}
