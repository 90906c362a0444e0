"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionOperationView, ActionView } from "@/lib/gpt-actions/types";
import { ActionEditorSections } from "./action-editor-sections";
import type { ActionKind } from "./add-action-menu";
import { TestOperationDialog } from "./test-operation-dialog";
import { useActionEditor } from "./use-action-editor";

const FORM_ID = "action-editor-form";

/**
 * Adds or edits one action: source, authentication, operations, privacy policy. Full screen on
 * phones; a large dialog elsewhere, with the body scrolling between a fixed header and footer.
 */
export function ActionEditorDialog({
  gptId,
  kind,
  action,
  isOpen,
  onOpenChange,
}: {
  gptId: string;
  kind: ActionKind;
  /** The action to edit; null to add one. */
  action: ActionView | null;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}) {
  const editor = useActionEditor({ gptId, kind, action });
  const [hasSaved, setHasSaved] = useState(false);
  const [testing, setTesting] = useState<ActionOperationView | null>(null);
  const focusFirstInvalidField = useFocusFirstInvalid(FORM_ID);
  const noun = kind === "mcp" ? "MCP server" : "action";
  const title = editor.saved
    ? `Edit ${editor.saved.name}`
    : `Add ${kind === "mcp" ? "an MCP server" : "an action"}`;

  async function onSave() {
    const wasNew = editor.saved === null;
    const saved = await editor.save();
    if (!saved) {
      focusFirstInvalidField();
      return;
    }
    setHasSaved(true);
    if (wasNew) {
      // Stay open: the operations can be tested now (and an MCP server's tools are listed).
      // Top: the dialog stays open, and a bottom-right toast would cover its Save button.
      toast.success(`${saved.name} added.`, {
        description: "Test its operations below.",
        position: "top-center",
      });
    } else {
      toast.success(`${saved.name} saved.`);
      onOpenChange(false);
    }
  }

  const testOperation = testing
    ? editor.saved?.operations.find((operation) => operation.key === testing.key)
    : undefined;

  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogContent
        className="flex max-w-3xl flex-col gap-0 overflow-hidden p-0 max-sm:h-dvh max-sm:max-h-dvh max-sm:w-screen max-sm:max-w-none max-sm:rounded-none max-sm:border-0"
        data-testid="action-editor"
      >
        <DialogHeader className="border-b px-4 py-4 text-left sm:px-6">
          <DialogTitle className="break-words">{title}</DialogTitle>
          <DialogDescription>
            {kind === "mcp"
              ? "Connect a Model Context Protocol server; its tools become this GPT’s operations."
              : "Describe an API with OpenAPI; each operation becomes something this GPT can call."}
          </DialogDescription>
        </DialogHeader>
        <form
          id={FORM_ID}
          noValidate
          className="min-h-0 flex-1 overflow-y-auto px-4 py-5 sm:px-6"
          onSubmit={(event) => {
            event.preventDefault();
            // The dialog is portalled, but React events still bubble to the GPT form around it.
            event.stopPropagation();
            void onSave();
          }}
        >
          <ActionEditorSections gptId={gptId} editor={editor} onTest={setTesting} />
        </form>
        <DialogFooter className="border-t px-4 py-3 sm:px-6">
          <DialogClose asChild>
            <Button type="button" variant="outline">
              {hasSaved ? "Done" : "Cancel"}
            </Button>
          </DialogClose>
          <Button type="submit" form={FORM_ID} isLoading={editor.isSaving}>
            {editor.saved ? "Save" : `Save ${noun}`}
          </Button>
        </DialogFooter>
        {editor.saved && testOperation ? (
          <TestOperationDialog
            gptId={gptId}
            action={editor.saved}
            operation={testOperation}
            isOpen
            onOpenChange={(open) => (open ? null : setTesting(null))}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
