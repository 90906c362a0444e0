"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";

const ID = "gpt-knowledge-min-score";

/**
 * Minimum relevance (0-1): a slider and a typed value. Typed text stays as typed ("0." on the way
 * to "0.25"); an unreadable number becomes NaN so the draft schema reports it here.
 */
export function MinScoreField({
  value,
  error,
  onChange,
}: {
  value: number;
  error?: string;
  onChange: (value: number) => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const isNumber = !Number.isNaN(value);
  const describedBy = [`${ID}-description`, error ? `${ID}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-3 text-sm font-medium leading-none">Minimum relevance</legend>
      <div className="flex items-center gap-3">
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={isNumber ? Math.min(1, Math.max(0, value)) : 0}
          aria-label="Minimum relevance"
          aria-describedby={describedBy}
          className="h-2 min-w-0 flex-1 cursor-pointer accent-primary"
          onChange={(event) => {
            setTyped(null);
            onChange(Number(event.target.value));
          }}
        />
        <Input
          id={ID}
          type="number"
          inputMode="decimal"
          min={0}
          max={1}
          step={0.05}
          value={typed ?? (isNumber ? String(value) : "")}
          aria-label="Minimum relevance value"
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
        Passages scoring below this (0 to 1) are left out. Lower it if answers miss something that
        is in your files; raise it if they cite unrelated passages.
      </p>
      {error ? (
        <p id={`${ID}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
