import { cn } from "@/lib/utils/cn";

/**
 * Messages used of an allowance, as a bar with the numbers beside it. Past the allowance (answers
 * paid with credits) the bar stays full and says how many went beyond it.
 */
export function UsageMeter({
  label,
  used,
  allowance,
  resetsLabel,
}: {
  label: string;
  used: number;
  /** 0: no allowance of this kind (unlimited). */
  allowance: number;
  resetsLabel: string;
}) {
  const isUnlimited = allowance === 0;
  const share = isUnlimited ? 0 : Math.min(1, used / allowance);
  const beyond = isUnlimited ? 0 : Math.max(0, used - allowance);
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <span className="text-sm font-medium">{label}</span>
        <span className="text-sm tabular-nums text-muted-foreground">
          {isUnlimited
            ? `${used.toLocaleString("en-US")} sent · unlimited`
            : `${Math.min(used, allowance).toLocaleString("en-US")} of ${allowance.toLocaleString("en-US")}`}
          {beyond > 0 ? ` · ${beyond.toLocaleString("en-US")} on credits` : ""}
        </span>
      </div>
      {isUnlimited ? null : (
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={allowance}
          aria-valuenow={Math.min(used, allowance)}
          aria-valuetext={`${Math.min(used, allowance)} of ${allowance} messages used`}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div
            className={cn(
              "h-full rounded-full transition-[width]",
              share >= 1 ? "bg-warning" : share >= 0.8 ? "bg-warning/70" : "bg-primary",
            )}
            style={{ width: `${share * 100}%` }}
          />
        </div>
      )}
      <span className="text-xs text-muted-foreground">{resetsLabel}</span>
    </div>
  );
}
