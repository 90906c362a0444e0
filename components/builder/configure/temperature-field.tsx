"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { GPT_LIMITS } from "@/lib/gpts/schemas";

const ID = "gpt-temperature";
/** What "custom" starts from: OpenAI's own default, so switching it on changes nothing yet. */
const STARTING_TEMPERATURE = 1;

/**
 * Sampling temperature: "Model default" (null) or a value from 0 to 2, set with a slider or typed.
 * What is typed is kept as typed ("1." on the way to "1.5"); an unreadable number becomes NaN so
 * the shared schema reports it next to the field.
 */
export function TemperatureField({
  value,
  error,
  onChange,
}: {
  value: number | null;
  error?: string;
  onChange: (value: number | null) => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const isDefault = value === null;
  const shown = typed ?? (value === null || Number.isNaN(value) ? "" : String(value));
  const describedBy = [`${ID}-description`, error ? `${ID}-error` : null].filter(Boolean).join(" ");

  return (
    <fieldset className="grid gap-3">
      <legend className="mb-3 text-sm font-medium leading-none">Temperature</legend>
      <div className="flex items-center gap-2">
        <Switch
          id={`${ID}-default`}
          checked={isDefault}
          onCheckedChange={(checked) => {
            setTyped(null);
            onChange(checked ? null : STARTING_TEMPERATURE);
          }}
        />
        <Label htmlFor={`${ID}-default`} className="font-normal">
          Use the model’s default
        </Label>
      </div>
      <div className="flex items-center gap-3">
        <input
          id={ID}
          type="range"
          min={GPT_LIMITS.temperatureMin}
          max={GPT_LIMITS.temperatureMax}
          step={0.1}
          value={isDefault || Number.isNaN(value) ? STARTING_TEMPERATURE : value}
          disabled={isDefault}
          aria-label="Temperature"
          aria-describedby={describedBy}
          className="h-2 flex-1 cursor-pointer accent-primary disabled:cursor-not-allowed disabled:opacity-50"
          onChange={(event) => {
            setTyped(null);
            onChange(Number(event.target.value));
          }}
        />
        <Input
          id={`${ID}-value`}
          type="number"
          inputMode="decimal"
          min={GPT_LIMITS.temperatureMin}
          max={GPT_LIMITS.temperatureMax}
          step={0.1}
          value={isDefault ? "" : shown}
          placeholder={isDefault ? "Default" : undefined}
          disabled={isDefault}
          aria-label="Temperature value"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="w-24 tabular-nums"
          onChange={(event) => {
            const text = event.target.value;
            setTyped(text);
            onChange(text.trim() === "" ? Number.NaN : Number(text));
          }}
          onBlur={() => setTyped(null)}
        />
      </div>
      <p id={`${ID}-description`} className="text-sm text-muted-foreground">
        Lower is more focused and predictable, higher is more varied and creative (0 to 2).
      </p>
      {error ? (
        <p id={`${ID}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
