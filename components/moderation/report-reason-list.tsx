"use client";

import { useId } from "react";
import { REPORT_REASONS } from "@/lib/moderation/report-reasons";
import { cn } from "@/lib/utils/cn";

type Reason = (typeof REPORT_REASONS)[number]["value"];

/** The reasons as native radios (arrow keys move, Space selects), two columns from tablet width. */
export function ReportReasonList({
  value,
  onChange,
  error,
  disabled,
}: {
  value: Reason | null;
  onChange: (reason: Reason) => void;
  error?: string;
  disabled?: boolean;
}) {
  const name = useId();
  return (
    <fieldset
      className="grid gap-2"
      disabled={disabled}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend className="mb-2 text-sm font-medium">Reason</legend>
      <div className="grid gap-1.5 sm:grid-cols-2">
        {REPORT_REASONS.map((reason) => (
          <label
            key={reason.value}
            className={cn(
              "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
              value === reason.value ? "border-primary bg-accent" : "hover:bg-accent/60",
            )}
          >
            <input
              type="radio"
              name={name}
              value={reason.value}
              checked={value === reason.value}
              onChange={() => onChange(reason.value)}
              className="size-4 accent-primary"
            />
            {reason.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
