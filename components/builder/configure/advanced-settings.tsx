"use client";

import { ChevronDown } from "lucide-react";
import { useState } from "react";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { DraftField, DraftFormValues, FieldErrors } from "@/lib/gpts/draft-form";
import { cn } from "@/lib/utils/cn";
import { TemperatureField } from "./temperature-field";

const PANEL_ID = "gpt-advanced-settings";

type AdvancedSettingsProps = {
  values: Pick<DraftFormValues, "temperature" | "allowRemix" | "allowKnowledgeRemix">;
  fieldErrors: FieldErrors;
  onChange: <K extends DraftField>(field: K, value: DraftFormValues[K]) => void;
};

/**
 * Temperature and the remix permissions, folded away by default. It opens by itself when one of
 * its fields has an error, so a save blocked by it is never a mystery.
 */
export function AdvancedSettings({ values, fieldErrors, onChange }: AdvancedSettingsProps) {
  const [isOpenByUser, setIsOpenByUser] = useState(false);
  const hasError = Boolean(
    fieldErrors.temperature || fieldErrors.allowRemix || fieldErrors.allowKnowledgeRemix,
  );
  const isOpen = isOpenByUser || hasError;

  return (
    <section className="rounded-lg border" aria-labelledby={`${PANEL_ID}-toggle`}>
      <h3 className="text-sm font-medium">
        <button
          id={`${PANEL_ID}-toggle`}
          type="button"
          aria-expanded={isOpen}
          aria-controls={PANEL_ID}
          className="flex w-full items-center justify-between gap-3 rounded-lg px-4 py-3 text-left outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
          onClick={() => setIsOpenByUser(!isOpen)}
        >
          Advanced settings
          <ChevronDown
            aria-hidden="true"
            className={cn("size-4 transition-transform", isOpen && "rotate-180")}
          />
        </button>
      </h3>
      <div id={PANEL_ID} hidden={!isOpen} className="grid gap-6 border-t px-4 py-4">
        <TemperatureField
          value={values.temperature}
          error={fieldErrors.temperature}
          onChange={(temperature) => onChange("temperature", temperature)}
        />

        <fieldset className="grid gap-4">
          <legend className="mb-2 text-sm font-medium leading-none">Remixing</legend>
          <p id="gpt-sharing-note" className="text-sm text-muted-foreground">
            These sharing settings take effect as soon as they are saved; they do not wait for the
            next publish.
          </p>
          <SwitchRow
            id="gpt-allow-remix"
            label="Allow others to view settings and remix"
            description="People can see this GPT’s configuration and copy it into a new GPT of their own. Action credentials are never copied."
            checked={values.allowRemix}
            error={fieldErrors.allowRemix}
            onCheckedChange={(checked) => {
              onChange("allowRemix", checked);
              if (!checked) onChange("allowKnowledgeRemix", false);
            }}
          />
          <SwitchRow
            id="gpt-allow-knowledge-remix"
            label="Include knowledge files in remixes"
            description={
              values.allowRemix
                ? "Remixes also get copies of the files this GPT answers from."
                : "Allow remixing first."
            }
            checked={values.allowRemix && values.allowKnowledgeRemix}
            isDisabled={!values.allowRemix}
            error={fieldErrors.allowKnowledgeRemix}
            className="ml-6 border-l pl-4"
            onCheckedChange={(checked) => onChange("allowKnowledgeRemix", checked)}
          />
        </fieldset>
      </div>
    </section>
  );
}

function SwitchRow({
  id,
  label,
  description,
  checked,
  isDisabled = false,
  error,
  className,
  onCheckedChange,
}: {
  id: string;
  label: string;
  description: string;
  checked: boolean;
  isDisabled?: boolean;
  error?: string;
  className?: string;
  onCheckedChange: (checked: boolean) => void;
}) {
  return (
    <div className={cn("flex items-start justify-between gap-4", className)}>
      <div className="grid gap-1">
        <Label htmlFor={id} className={cn("leading-snug", isDisabled && "text-muted-foreground")}>
          {label}
        </Label>
        <p id={`${id}-description`} className="text-sm text-muted-foreground">
          {description}
        </p>
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
            {error}
          </p>
        ) : null}
      </div>
      <Switch
        id={id}
        checked={checked}
        disabled={isDisabled}
        className="mt-0.5"
        aria-describedby={`${id}-description gpt-sharing-note${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        onCheckedChange={onCheckedChange}
      />
    </div>
  );
}
