"use client";

import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { AnalyticsView } from "@/lib/analytics/hooks";
import { ANALYTICS_RANGES, type AnalyticsGptOption } from "@/lib/analytics/types";
import { cn } from "@/lib/utils/cn";

/** Which GPT (all, or one) and how many days the dashboard shows. */
export function AnalyticsControls({
  view,
  gpts,
  onChange,
}: {
  view: AnalyticsView;
  gpts: AnalyticsGptOption[];
  onChange: (view: AnalyticsView) => void;
}) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="grid min-w-0 gap-1.5 sm:w-80">
        <Label htmlFor="analytics-gpt">GPT</Label>
        <Select
          id="analytics-gpt"
          value={view.gptId ?? ""}
          onChange={(event) => onChange({ ...view, gptId: event.target.value || null })}
        >
          <option value="">All my GPTs</option>
          {gpts.map((gpt) => (
            <option key={gpt.id} value={gpt.id}>
              {gpt.name}
            </option>
          ))}
        </Select>
      </div>
      <fieldset className="inline-flex h-9 w-full min-w-0 items-center rounded-lg bg-muted p-1 text-muted-foreground sm:w-fit">
        <legend className="sr-only">Date range</legend>
        {ANALYTICS_RANGES.map((range) => {
          const isSelected = view.range === range;
          return (
            <button
              key={range}
              type="button"
              aria-pressed={isSelected}
              onClick={() => onChange({ ...view, range })}
              className={cn(
                "inline-flex h-full flex-1 items-center justify-center rounded-md px-3 text-sm font-medium whitespace-nowrap outline-none transition-colors hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring sm:flex-none",
                isSelected && "bg-background text-foreground shadow-sm dark:bg-foreground/10",
              )}
            >
              {range} days
            </button>
          );
        })}
      </fieldset>
    </div>
  );
}
