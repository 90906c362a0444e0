"use client";

import { RefreshCw } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EMPTY_DRAFT_FORM, toDraftFormValues } from "@/lib/gpts/draft-form";
import type { GptForEditor } from "@/lib/gpts/queries";
import { EditorHeader } from "./editor-header";
import {
  type EditorCategory,
  type EditorModel,
  GPT_EDITOR_FORM_ID,
  GptConfigForm,
} from "./gpt-config-form";
import { PreviewPane } from "./preview-pane";
import { PublishDialog } from "./publish-dialog";
import { type DraftInitialState, useGptDraft } from "./use-gpt-draft";

export type GptEditorProps = {
  /** The owner's editor payload, or null for a new GPT (created on its first save). */
  gpt: GptForEditor | null;
  models: EditorModel[];
  categories: EditorCategory[];
  /** Admins get a link to add a model when none is configured. */
  isAdmin?: boolean;
};

function toInitialState(gpt: GptForEditor | null): DraftInitialState {
  if (!gpt) {
    return {
      gpt: null,
      revision: 1,
      values: EMPTY_DRAFT_FORM,
      published: null,
      hasUnpublishedChanges: true,
    };
  }
  return {
    gpt: { id: gpt.id, slug: gpt.slug },
    revision: gpt.revision,
    values: toDraftFormValues(gpt),
    published: gpt.publishedVersion
      ? { number: gpt.publishedVersion.number, slug: gpt.slug, visibility: gpt.visibility }
      : null,
    hasUnpublishedChanges: gpt.hasUnpublishedChanges,
  };
}

function focusFirstInvalidField() {
  // After React has rendered the new errors.
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`#${GPT_EDITOR_FORM_ID} [aria-invalid="true"]`)?.focus();
  });
}

/** ChatGPT-style editor: Configure form on the left, live preview chat on the right. */
export function GptEditor({ gpt, models, categories, isAdmin = false }: GptEditorProps) {
  const [initial] = useState(() => toInitialState(gpt));
  const draft = useGptDraft({
    initial,
    // Keep the editor mounted (and the typing uninterrupted): only the address changes.
    onCreated: ({ id }) => window.history.replaceState(null, "", `/gpts/${id}/edit`),
  });
  const [isPublishOpen, setIsPublishOpen] = useState(false);
  const status = gpt?.status ?? "ACTIVE";
  const { save, isDirty } = draft;
  const displayName = draft.values.name.trim() || "Untitled GPT";

  const saveNow = useCallback(async () => {
    const outcome = await save();
    if (outcome === "invalid") {
      toast.error("Fix the highlighted fields to save.");
      focusFirstInvalidField();
    } else if (outcome === "failed") {
      toast.error("Your changes were not saved.", { description: "Check the form and try again." });
      focusFirstInvalidField();
    }
  }, [save]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void saveNow();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [saveNow]);

  const flushBeforePreview = useCallback(() => {
    if (isDirty) void save();
  }, [isDirty, save]);

  return (
    <div className="flex flex-col lg:h-[calc(100dvh-3.5rem)]">
      <EditorHeader
        name={displayName}
        status={status}
        published={draft.published}
        hasUnpublishedChanges={draft.hasUnpublishedChanges}
        saveState={draft.saveState}
        saveErrorMessage={draft.saveError?.message}
        onRetry={() => void saveNow()}
        onPublishClick={() => setIsPublishOpen(true)}
      />

      {draft.saveState === "conflict" ? (
        <Alert
          variant="warning"
          role="alert"
          className="rounded-none border-x-0 border-t-0 px-4 sm:px-6"
        >
          <AlertTitle>This GPT was changed in another tab or window</AlertTitle>
          <AlertDescription className="text-warning">
            <p>
              Saving is paused so neither version overwrites the other. Reload to get the latest
              version; edits made here since the last save will be lost.
            </p>
            <div>
              <Button size="sm" variant="outline" className="mt-1" onClick={draft.reload}>
                <RefreshCw aria-hidden="true" />
                Reload
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      ) : null}

      {status === "REMOVED" ? (
        <Alert variant="destructive" className="rounded-none border-x-0 border-t-0 px-4 sm:px-6">
          <AlertTitle>A moderator removed this GPT</AlertTitle>
          <AlertDescription>
            You can still edit and preview the draft, but it cannot be published.
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="grid flex-1 grid-cols-1 lg:min-h-0 lg:grid-cols-2">
        <section
          aria-labelledby="gpt-configure-heading"
          className="border-b lg:min-h-0 lg:overflow-y-auto lg:border-r lg:border-b-0"
        >
          <div className="mx-auto w-full max-w-2xl px-4 py-6 sm:px-6">
            <h2 id="gpt-configure-heading" className="mb-5 text-sm font-semibold">
              Configure
            </h2>
            <GptConfigForm
              values={draft.values}
              fieldErrors={draft.fieldErrors}
              models={models}
              categories={categories}
              onChange={draft.setField}
              onNameBlur={draft.commitName}
              onSubmit={() => void saveNow()}
            />
          </div>
        </section>
        <PreviewPane
          gptId={draft.gpt?.id ?? null}
          gptName={displayName}
          description={draft.values.description.trim()}
          starters={[
            ...new Set(draft.values.conversationStarters.map((starter) => starter.trim())),
          ].filter(Boolean)}
          noModel={models.length === 0 ? { isAdmin } : undefined}
          onBeforeUse={flushBeforePreview}
          className="h-[80dvh] min-h-[28rem] lg:h-auto"
        />
      </div>

      <PublishDialog
        open={isPublishOpen}
        onOpenChange={setIsPublishOpen}
        gptName={draft.values.name.trim()}
        visibility={draft.published?.visibility ?? gpt?.visibility ?? "PRIVATE"}
        nextVersionNumber={(draft.published?.number ?? 0) + 1}
        isPublishing={draft.isPublishing}
        onPublish={draft.publish}
      />
    </div>
  );
}
