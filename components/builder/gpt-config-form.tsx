"use client";

import type { ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { AutosizeTextarea } from "@/components/ui/textarea";
import type { DraftField, DraftFormValues, FieldErrors } from "@/lib/gpts/draft-form";
import { GPT_LIMITS } from "@/lib/gpts/schemas";
import { cn } from "@/lib/utils/cn";
import { StartersField } from "./starters-field";

export const GPT_EDITOR_FORM_ID = "gpt-editor-form";

export type EditorModel = { id: string; displayName: string; isDefault: boolean };
export type EditorCategory = { id: string; slug: string; name: string };

type GptConfigFormProps = {
  values: DraftFormValues;
  fieldErrors: FieldErrors;
  models: EditorModel[];
  categories: EditorCategory[];
  onChange: <K extends DraftField>(field: K, value: DraftFormValues[K]) => void;
  onNameBlur: () => void;
  onSubmit: () => void;
};

function Hint({ children, length, max }: { children?: ReactNode; length: number; max: number }) {
  const isOver = length > max;
  return (
    <span className="flex items-start justify-between gap-3">
      <span>{children}</span>
      <span className={cn("shrink-0 tabular-nums", isOver && "font-medium text-destructive")}>
        {length.toLocaleString("en-US")}/{max.toLocaleString("en-US")}
        <span className="sr-only"> characters</span>
      </span>
    </span>
  );
}

/** The Configure form. Enter in a single-line field saves (the header's Save button submits it). */
export function GptConfigForm({
  values,
  fieldErrors,
  models,
  categories,
  onChange,
  onNameBlur,
  onSubmit,
}: GptConfigFormProps) {
  const hasUnavailableModel =
    values.modelConfigId !== null && !models.some((model) => model.id === values.modelConfigId);
  const hasUnknownCategory =
    values.categoryId !== null && !categories.some((category) => category.id === values.categoryId);

  return (
    <form
      id={GPT_EDITOR_FORM_ID}
      noValidate
      className="grid gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Field
        id="gpt-name"
        label="Name"
        isRequired
        error={fieldErrors.name}
        description={<Hint length={values.name.length} max={GPT_LIMITS.name} />}
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
          <Hint length={values.description.length} max={GPT_LIMITS.description}>
            Shown on your GPT’s page and in the store.
          </Hint>
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

      <Field
        id="gpt-instructions"
        label="Instructions"
        error={fieldErrors.instructions}
        description={
          <Hint length={values.instructions.length} max={GPT_LIMITS.instructions}>
            Private: only you can see them. People who chat with your GPT never do.
          </Hint>
        }
      >
        <AutosizeTextarea
          value={values.instructions}
          placeholder="What does this GPT do? How does it behave? What should it avoid doing?"
          minRows={10}
          maxRows={28}
          spellCheck
          onChange={(event) => onChange("instructions", event.target.value)}
        />
      </Field>

      <StartersField
        starters={values.conversationStarters}
        fieldErrors={fieldErrors}
        onChange={(starters) => onChange("conversationStarters", starters)}
      />

      <div className="grid gap-6 sm:grid-cols-2">
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

        <Field
          id="gpt-model"
          label="Model"
          error={fieldErrors.modelConfigId}
          description={
            models.length === 0
              ? "No models are configured yet. An administrator can add one under Admin → Models."
              : "“Default model” follows this instance’s default."
          }
        >
          <Select
            value={values.modelConfigId ?? ""}
            onChange={(event) => onChange("modelConfigId", event.target.value || null)}
          >
            <option value="">Default model</option>
            {hasUnavailableModel ? (
              <option value={values.modelConfigId!}>Current model (no longer available)</option>
            ) : null}
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.isDefault ? `${model.displayName} (default)` : model.displayName}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </form>
  );
}
