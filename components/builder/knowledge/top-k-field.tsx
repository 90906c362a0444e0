"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { GPT_LIMITS } from "@/lib/gpts/schemas";

/**
 * Passages per answer (1-20). What is typed stays as typed; an unreadable number becomes NaN so
 * the draft schema reports it next to the field, as the other number fields do.
 */
export function TopKField({
  value,
  error,
  onChange,
}: {
  value: number;
  error?: string;
  onChange: (value: number) => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? (Number.isNaN(value) ? "" : String(value));
  return (
    <Field
      id="gpt-knowledge-top-k"
      label="Passages per answer"
      error={error}
      description={`How many of the most relevant passages the GPT reads before answering (${GPT_LIMITS.knowledgeTopKMin} to ${GPT_LIMITS.knowledgeTopKMax}).`}
    >
      <Input
        type="number"
        inputMode="numeric"
        min={GPT_LIMITS.knowledgeTopKMin}
        max={GPT_LIMITS.knowledgeTopKMax}
        step={1}
        value={shown}
        className="w-24 tabular-nums"
        onChange={(event) => {
          const text = event.target.value;
          setTyped(text);
          onChange(text.trim() === "" ? Number.NaN : Number(text));
        }}
        onBlur={() => setTyped(null)}
      />
    </Field>
  );
}
