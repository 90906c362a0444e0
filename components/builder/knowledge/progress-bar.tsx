import { cn } from "@/lib/utils/cn";

/** A thin determinate progress bar, announced as a progressbar with its percentage. */
export function ProgressBar({
  value,
  label,
  className,
}: {
  /** 0-100. */
  value: number;
  /** The accessible name, e.g. "Uploading report.pdf". */
  label: string;
  className?: string;
}) {
  const percent = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
      className={cn("h-1.5 w-full overflow-hidden rounded-full bg-muted", className)}
    >
      <div
        className="h-full rounded-full bg-primary transition-[width] duration-300"
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
