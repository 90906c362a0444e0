import { formatScore } from "@/lib/knowledge/client/format";

/** Relevance 0-1 as a bar and its number; the bar is decoration, the number is the content. */
export function RelevanceBar({ value }: { value: number }) {
  const percent = Math.min(100, Math.max(0, value * 100));
  return (
    <div className="flex items-center gap-2">
      <div aria-hidden="true" className="h-1.5 w-20 overflow-hidden rounded-full bg-muted sm:w-28">
        <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs tabular-nums">
        <span className="sr-only">Relevance </span>
        {formatScore(value)}
      </span>
    </div>
  );
}
