"use client";

import type { ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { AutosizeTextarea } from "@/components/ui/textarea";
import type { CapabilityAvailability } from "@/lib/gpts/capabilities";
import type { DraftField, DraftFormValues, FieldErrors } from "@/lib/gpts/draft-form";
import type { ModelFallback } from "@/lib/gpts/queries";
import { GPT_LIMITS } from "@/lib/gpts/schemas";
import { ActionsSection } from "./actions/actions-section";
import { AdvancedSettings } from "./configure/advanced-settings";
import { AvatarField } from "./configure/avatar-field";
import { CapabilitiesField } from "./configure/capabilities-field";
import { CharCountHint } from "./configure/char-count-hint";
import { InstructionsField } from "./configure/instructions-field";
import { ModelField } from "./configure/model-field";
import { KnowledgeSection } from "./knowledge/knowledge-section";
import { StartersField } from "./starters-field";

export const GPT_EDITOR_FORM_ID = "gpt-editor-form";

export type EditorModel = { id: string; displayName: string; isDefault: boolean };
export type EditorCategory = { id: string; slug: string; name: string };

type GptConfigFormProps = {
  values: DraftFormValues;
  fieldErrors: FieldErrors;
  models: EditorModel[];
  categories: EditorCategory[];
  /** What this instance can serve (lib/gpts/capability-availability.ts, from the page). */
  capabilityAvailability: CapabilityAvailability;
  /** Set when the saved draft's model was disabled: chats use the default model meanwhile. */
  modelFallback?: ModelFallback | null;
  onChange: <K extends DraftField>(field: K, value: DraftFormValues[K]) => void;
  onNameBlur: () => void;
  onSubmit: () => void;
  /** Read-only while the Create tab's builder changes the draft (so autosave cannot race it). */
  disabled?: boolean;
  /**
   * The saved GPT's id (null before the first save), for its knowledge files. When omitted, the
   * Knowledge section reads it from the editor's address.
   */
  gptId?: string | null;
  /** Lets the retrieval test search the published version. */
  hasPublishedVersion?: boolean;
};

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const id = `gpt-section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="grid gap-6">
      <h3 id={id} className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * The Configure form. Every field is checked with the same zod schema the API uses; errors (the
 * form's own, or the server's, keyed by field path) show next to their field. Enter in a
 * single-line field saves (the header's Save button submits it).
 */
export function GptConfigForm({
  values,
  fieldErrors,
  models,
  categories,
  capabilityAvailability,
  modelFallback = null,
  onChange,
  onNameBlur,
  onSubmit,
  disabled = false,
  gptId,
  hasPublishedVersion,
}: GptConfigFormProps) {
  const hasUnknownCategory =
    values.categoryId !== null && !categories.some((category) => category.id === values.categoryId);
  const capabilitiesError =
    fieldErrors.capabilities ??
    Object.entries(fieldErrors).find(([key]) => key.startsWith("capabilities."))?.[1];

  const form = (
    <form
      id={GPT_EDITOR_FORM_ID}
      noValidate
      className="grid gap-10"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <FormSection title="Profile">
        <AvatarField
          name={values.name.trim()}
          avatarKey={values.avatarKey}
          avatarColor={values.avatarColor}
          fieldErrors={{ avatarKey: fieldErrors.avatarKey, avatarColor: fieldErrors.avatarColor }}
          onAvatarKeyChange={(key) => onChange("avatarKey", key)}
          onAvatarColorChange={(colour) => onChange("avatarColor", colour)}
        />

        <Field
          id="gpt-name"
          label="Name"
          isRequired
          error={fieldErrors.name}
          description={<CharCountHint length={values.name.length} max={GPT_LIMITS.name} />}
        >
          <Input
            value={values.name}
            placeholder="Name your GPT"
            autoComplete="off"
            required
            onChange={(event) => onChange("name", event.target.value)}
            onBlur={onNameBlur}
          />
        </Field>

        <Field
          id="gpt-description"
          label="Description"
          error={fieldErrors.description}
          description={
            <CharCountHint length={values.description.length} max={GPT_LIMITS.description}>
              Shown on your GPT’s page and in the store.
            </CharCountHint>
          }
        >
          <AutosizeTextarea
            value={values.description}
            placeholder="Add a short description of what this GPT does"
            minRows={2}
            maxRows={6}
            onChange={(event) => onChange("description", event.target.value)}
          />
        </Field>
      </FormSection>

      <FormSection title="Behaviour">
        <InstructionsField
          value={values.instructions}
          error={fieldErrors.instructions}
          onChange={(instructions) => onChange("instructions", instructions)}
        />

        <StartersField
          starters={values.conversationStarters}
          fieldErrors={fieldErrors}
          onChange={(starters) => onChange("conversationStarters", starters)}
        />

        <div className="grid gap-6 sm:grid-cols-2 sm:items-start">
          <Field
            id="gpt-category"
            label="Category"
            error={fieldErrors.categoryId}
            description="Helps people find it in the store."
          >
            <Select
              value={values.categoryId ?? ""}
              onChange={(event) => onChange("categoryId", event.target.value || null)}
            >
              <option value="">No category</option>
              {hasUnknownCategory ? (
                <option value={values.categoryId!}>Unknown category</option>
              ) : null}
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </Select>
          </Field>

          <ModelField
            value={values.modelConfigId}
            models={models}
            fallback={modelFallback}
            error={fieldErrors.modelConfigId}
            onChange={(modelConfigId) => onChange("modelConfigId", modelConfigId)}
          />
        </div>
      </FormSection>

      <FormSection title="Capabilities">
        <CapabilitiesField
          value={values.capabilities}
          availability={capabilityAvailability}
          error={capabilitiesError}
          onChange={(capabilities) => onChange("capabilities", capabilities)}
        />
      </FormSection>

      <FormSection title="Knowledge">
        <KnowledgeSection
          gptId={gptId}
          hasPublishedVersion={hasPublishedVersion}
          values={values}
          fieldErrors={fieldErrors}
          availability={capabilityAvailability.knowledge}
          onChange={onChange}
          onSave={onSubmit}
        />
      </FormSection>

      <FormSection title="Actions">
        <ActionsSection
          gptId={gptId}
          isActionsEnabled={values.capabilities.includes("actions")}
          availability={capabilityAvailability.actions}
          onTurnOn={() =>
            onChange("capabilities", [...new Set([...values.capabilities, "actions"])].sort())
          }
          onSave={onSubmit}
        />
      </FormSection>

      <AdvancedSettings values={values} fieldErrors={fieldErrors} onChange={onChange} />
    </form>
  );
  return (
    <fieldset disabled={disabled} className="min-w-0">
      {form}
    </fieldset>
  );
}
