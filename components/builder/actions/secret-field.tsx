"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * A write-only secret. A stored one is never sent back by the API, so it shows as "•••• set"
 * with Replace; an untouched field sends nothing and the stored secret stays.
 */
export function SecretField({
  id,
  label,
  value,
  hasStored,
  isReplacing,
  isRequired = false,
  error,
  description,
  onChange,
  onReplacingChange,
}: {
  id: string;
  label: string;
  value: string;
  hasStored: boolean;
  isReplacing: boolean;
  isRequired?: boolean;
  error: string | null;
  description?: string;
  onChange: (value: string) => void;
  onReplacingChange: (isReplacing: boolean) => void;
}) {
  // The control that takes focus is rendered only after the switch: focus it on the next frame.
  const focusLater = (elementId: string) =>
    requestAnimationFrame(() => document.getElementById(elementId)?.focus());

  if (hasStored && !isReplacing) {
    return (
      <div className="grid gap-2">
        <Label htmlFor={`${id}-replace`}>{label}</Label>
        <div className="flex flex-wrap items-center gap-3">
          <span className="font-mono text-sm" data-testid={`${id}-stored`}>
            •••• set
          </span>
          <Button
            id={`${id}-replace`}
            type="button"
            variant="outline"
            size="sm"
            onClick={() => {
              onReplacingChange(true);
              focusLater(id);
            }}
          >
            Replace
            <span className="sr-only"> {label.toLowerCase()}</span>
          </Button>
        </div>
        {error ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="grid gap-2">
      <Field
        id={id}
        label={label}
        isRequired={isRequired && !hasStored}
        error={error}
        description={hasStored ? "Leave empty to keep the saved one." : description}
      >
        <Input
          type="password"
          value={value}
          autoComplete="off"
          spellCheck={false}
          data-1p-ignore
          onChange={(event) => onChange(event.target.value)}
        />
      </Field>
      {hasStored ? (
        <div>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              onChange("");
              onReplacingChange(false);
              focusLater(`${id}-replace`);
            }}
          >
            Keep the saved one
          </Button>
        </div>
      ) : null}
    </div>
  );
}
