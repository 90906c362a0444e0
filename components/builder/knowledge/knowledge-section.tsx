"use client";

import { Save } from "lucide-react";
import { usePathname } from "next/navigation";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { CapabilityAvailability } from "@/lib/gpts/capabilities";
import type { DraftField, DraftFormValues, FieldErrors } from "@/lib/gpts/draft-form";
import { gptIdFromEditorPath } from "@/lib/knowledge/client/editor-path";
import { KnowledgeCapabilityNote } from "./knowledge-capability-note";
import { KnowledgeFiles } from "./knowledge-files";
import { KnowledgeSettings } from "./knowledge-settings";
import { RetrievalConsole } from "./retrieval-console";

export type KnowledgeSectionProps = {
  /**
   * The saved GPT's id; null for a new GPT not saved yet. When omitted, it is read from the
   * editor's address (`/gpts/<id>/edit`, which the editor sets on the first save).
   */
  gptId?: string | null;
  /** Enables "Published" in the retrieval test; when omitted, any live file implies it. */
  hasPublishedVersion?: boolean;
  values: DraftFormValues;
  fieldErrors: FieldErrors;
  availability: CapabilityAvailability["knowledge"];
  onChange: <K extends DraftField>(field: K, value: DraftFormValues[K]) => void;
  /** Saves the draft (creating the GPT), so files can be added to a new GPT. */
  onSave: () => void;
};

/**
 * The Configure form's Knowledge section: the capability reminder, the files (once the GPT
 * exists), the retrieval test console and the retrieval settings.
 */
export function KnowledgeSection({
  gptId: gptIdProp,
  hasPublishedVersion,
  values,
  fieldErrors,
  availability,
  onChange,
  onSave,
}: KnowledgeSectionProps) {
  const pathname = usePathname();
  const gptId = gptIdProp !== undefined ? gptIdProp : gptIdFromEditorPath(pathname);
  const isKnowledgeOn = values.capabilities.includes("knowledge");

  return (
    <div className="grid gap-4" data-testid="knowledge-section">
      <p className="text-sm text-muted-foreground">
        Files your GPT can answer from, citing the passages it uses. Only you can see the files;
        others see only the passages an answer cites.
      </p>
      {!isKnowledgeOn ? (
        <KnowledgeCapabilityNote
          availability={availability}
          onTurnOn={() =>
            onChange("capabilities", [...new Set([...values.capabilities, "knowledge"])].sort())
          }
        />
      ) : null}
      {gptId ? (
        <>
          <KnowledgeFiles key={gptId} gptId={gptId} />
          <RetrievalConsole
            key={`console-${gptId}`}
            gptId={gptId}
            hasPublishedVersion={hasPublishedVersion}
            topK={values.knowledgeTopK}
            minScore={values.knowledgeMinScore}
          />
        </>
      ) : (
        <EmptyState
          titleAs="p"
          title="Save the GPT to add knowledge"
          description="Files belong to a saved GPT. Give it a name and save; then add files here."
          className="py-8"
          action={
            <Button type="button" variant="outline" size="sm" onClick={onSave}>
              <Save aria-hidden="true" />
              Save GPT
            </Button>
          }
        />
      )}
      <KnowledgeSettings values={values} fieldErrors={fieldErrors} onChange={onChange} />
    </div>
  );
}
