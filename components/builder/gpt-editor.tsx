"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { CreatorModerationPanel } from "@/components/moderation/creator-moderation-panel";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { useHasUnpublishedActionChanges } from "@/lib/gpt-actions/client/hooks";
import { avatarUrl } from "@/lib/gpts/avatar/avatar-url";
import type { CapabilityAvailability } from "@/lib/gpts/capabilities";
import { EMPTY_DRAFT_FORM, toDraftFormValues } from "@/lib/gpts/draft-form";
import type { GptForEditor } from "@/lib/gpts/queries";
import {
  knowledgeDiffersFromPublished,
  knowledgeKeys,
  useKnowledgeFiles,
} from "@/lib/knowledge/client/hooks";
import { gptModerationKeys } from "@/lib/moderation/hooks";
import { CreateTab } from "./create-tab/create-tab";
import { EditorHeader } from "./editor-header";
import {
  type EditorCategory,
  type EditorModel,
  GPT_EDITOR_FORM_ID,
  GptConfigForm,
} from "./gpt-config-form";
import { PreviewPane } from "./preview-pane";
import { RemixedFromNote } from "./remixed-from-note";
import { type DraftInitialState, useGptDraft } from "./use-gpt-draft";

export type GptEditorProps = {
  /** The owner's editor payload, or null for a new GPT (created on its first save). */
  gpt: GptForEditor | null;
  models: EditorModel[];
  categories: EditorCategory[];
  /** Which capabilities this instance can serve (lib/gpts/capability-availability.ts). */
  capabilityAvailability: CapabilityAvailability;
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
    hasUnpublishedChanges: gpt.hasUnpublishedConfigChanges,
  };
}

type EditorTab = "create" | "configure";

/**
 * ChatGPT-style editor: Create (the builder chat) and Configure (the form) tabs on the left, live
 * preview chat on the right; stacked on small screens. A new GPT opens on Create when a model can
 * answer; an existing one on Configure.
 */
export function GptEditor({
  gpt,
  models,
  categories,
  capabilityAvailability,
  isAdmin = false,
}: GptEditorProps) {
  const [initial] = useState(() => toInitialState(gpt));
  const hasModel = models.length > 0;
  const [tab, setTab] = useState<EditorTab>(() =>
    gpt === null && hasModel ? "create" : "configure",
  );
  // The builder chat loads on first open, then stays mounted so a running turn survives a switch.
  const [hasOpenedCreate, setHasOpenedCreate] = useState(tab === "create");
  // While the builder changes the draft, the form is read-only so autosave cannot race it.
  const [isBuilderBusy, setIsBuilderBusy] = useState(false);
  const draft = useGptDraft({
    initial,
    // Keep the editor mounted (and the typing uninterrupted): only the address changes.
    onCreated: ({ id }) => window.history.replaceState(null, "", `/gpts/${id}/edit`),
  });
  const status = gpt?.status ?? "ACTIVE";
  // Knowledge files are not form fields: whether they differ from the published version comes
  // from the live file list (the server's answer on load until that list arrives).
  const knowledge = useKnowledgeFiles(draft.gpt?.id ?? null);
  const hasKnowledgeChanges = knowledge.data
    ? knowledgeDiffersFromPublished(knowledge.data.files)
    : (gpt?.hasUnpublishedKnowledgeChanges ?? false);
  const actionChanges = useHasUnpublishedActionChanges(draft.gpt?.id ?? null);
  const hasActionChanges = actionChanges.data ?? gpt?.hasUnpublishedActionChanges ?? false;
  const queryClient = useQueryClient();
  const { save, isDirty } = draft;
  const displayName = draft.values.name.trim() || "Untitled GPT";
  const avatar = { src: avatarUrl(draft.values.avatarKey), color: draft.values.avatarColor };

  const focusFirstInvalidField = useFocusFirstInvalid(GPT_EDITOR_FORM_ID);
  const saveNow = useCallback(async () => {
    const outcome = await save();
    if (outcome === "invalid") {
      toast.error("Fix the highlighted fields to save.");
      focusFirstInvalidField();
    } else if (outcome === "failed") {
      toast.error("Your changes were not saved.", { description: "Check the form and try again." });
      focusFirstInvalidField();
    }
  }, [save, focusFirstInvalidField]);

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
        avatar={avatar}
        status={status}
        published={draft.published}
        hasUnpublishedChanges={
          draft.hasUnpublishedChanges || hasKnowledgeChanges || hasActionChanges
        }
        saveState={draft.saveState}
        saveErrorMessage={draft.saveError?.message}
        onRetry={() => void saveNow()}
        draft={draft}
        // Publishing and restoring change which files are live, and may send the listing to review.
        onVersionChange={() => {
          void queryClient.invalidateQueries({ queryKey: knowledgeKeys.all });
          void queryClient.invalidateQueries({ queryKey: gptModerationKeys.all });
        }}
        initialVisibility={gpt?.visibility ?? "PRIVATE"}
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

      {/* What moderators decided (in review, rejected, unlisted, removed) and the appeal. */}
      {draft.gpt ? <CreatorModerationPanel gptId={draft.gpt.id} /> : null}

      <div className="grid flex-1 grid-cols-1 lg:min-h-0 lg:grid-cols-2">
        <section
          aria-label="Editor"
          className="flex flex-col border-b lg:min-h-0 lg:border-r lg:border-b-0"
        >
          <Tabs
            value={tab}
            onValueChange={(value) => {
              setTab(value as EditorTab);
              if (value === "create") setHasOpenedCreate(true);
            }}
            className="flex min-h-0 flex-1 flex-col gap-0"
          >
            <div className="flex min-h-12 items-center border-b px-4 py-2 sm:px-6">
              <TabsList aria-label="Editor mode" className="w-full sm:w-fit">
                <TabsTrigger value="create" className="sm:px-5">
                  Create
                </TabsTrigger>
                <TabsTrigger value="configure" className="sm:px-5">
                  Configure
                </TabsTrigger>
              </TabsList>
            </div>
            <TabsContent
              value="create"
              forceMount
              className="flex h-[75dvh] min-h-[26rem] flex-col rounded-none data-[state=inactive]:hidden lg:h-auto lg:min-h-0"
            >
              <h2 className="sr-only">Create</h2>
              {hasOpenedCreate ? (
                <CreateTab
                  draft={draft}
                  categories={categories}
                  hasModel={hasModel}
                  isAdmin={isAdmin}
                  onBusyChange={setIsBuilderBusy}
                />
              ) : null}
            </TabsContent>
            <TabsContent
              value="configure"
              forceMount
              className="rounded-none data-[state=inactive]:hidden lg:min-h-0 lg:overflow-y-auto"
            >
              <div className="mx-auto w-full max-w-2xl px-4 py-6 sm:px-6">
                <h2 id="gpt-configure-heading" className="sr-only">
                  Configure
                </h2>
                <RemixedFromNote remixedFrom={gpt?.remixedFrom ?? null} className="mb-4" />
                {isBuilderBusy ? (
                  <p role="status" className="mb-5 text-sm text-muted-foreground">
                    The builder is updating your GPT; the form is read-only until it finishes.
                  </p>
                ) : null}
                <GptConfigForm
                  values={draft.values}
                  fieldErrors={draft.fieldErrors}
                  models={models}
                  categories={categories}
                  capabilityAvailability={capabilityAvailability}
                  modelFallback={gpt?.modelFallback ?? null}
                  gptId={draft.gpt?.id ?? null}
                  hasPublishedVersion={draft.published !== null}
                  onChange={draft.setField}
                  onNameBlur={draft.commitName}
                  onSubmit={() => void saveNow()}
                  disabled={isBuilderBusy}
                />
              </div>
            </TabsContent>
          </Tabs>
        </section>
        <PreviewPane
          gptId={draft.gpt?.id ?? null}
          gptName={displayName}
          avatar={avatar}
          description={draft.values.description.trim()}
          starters={[
            ...new Set(draft.values.conversationStarters.map((starter) => starter.trim())),
          ].filter(Boolean)}
          noModel={models.length === 0 ? { isAdmin } : undefined}
          onBeforeUse={flushBeforePreview}
          className="h-[80dvh] min-h-[28rem] lg:h-auto"
        />
      </div>
    </div>
  );
}
