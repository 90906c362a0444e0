"use client";

import type { DraftField, DraftFormValues, FieldErrors } from "@/lib/gpts/draft-form";
import { KnowledgeSwitchRow } from "./knowledge-switch-row";
import { MinScoreField } from "./min-score-field";
import { TopKField } from "./top-k-field";

export type KnowledgeSettingsValues = Pick<
  DraftFormValues,
  "knowledgeTopK" | "knowledgeMinScore" | "hideKnowledgeSources" | "knowledgeOnly"
>;

export type KnowledgeSettingsProps = {
  values: KnowledgeSettingsValues;
  fieldErrors: FieldErrors;
  onChange: <K extends DraftField>(field: K, value: DraftFormValues[K]) => void;
};

/** How the GPT uses its files; draft fields, saved and published with the rest of the draft. */
export function KnowledgeSettings({ values, fieldErrors, onChange }: KnowledgeSettingsProps) {
  return (
    <fieldset className="grid gap-6 rounded-lg border p-4" data-testid="knowledge-settings">
      <legend className="px-1 text-sm font-medium">Knowledge settings</legend>
      <TopKField
        value={values.knowledgeTopK}
        error={fieldErrors.knowledgeTopK}
        onChange={(value) => onChange("knowledgeTopK", value)}
      />
      <MinScoreField
        value={values.knowledgeMinScore}
        error={fieldErrors.knowledgeMinScore}
        onChange={(value) => onChange("knowledgeMinScore", value)}
      />
      <KnowledgeSwitchRow
        id="gpt-hide-knowledge-sources"
        label="Hide file names in citations"
        description="Citations show the quoted passage but not which file it came from."
        checked={values.hideKnowledgeSources}
        error={fieldErrors.hideKnowledgeSources}
        onCheckedChange={(checked) => onChange("hideKnowledgeSources", checked)}
      />
      <KnowledgeSwitchRow
        id="gpt-knowledge-only"
        label="Answer only from knowledge"
        description="When the files do not cover a question, the GPT says so instead of answering from general knowledge."
        checked={values.knowledgeOnly}
        error={fieldErrors.knowledgeOnly}
        onCheckedChange={(checked) => onChange("knowledgeOnly", checked)}
      />
    </fieldset>
  );
}
