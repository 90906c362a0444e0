import type { KnowledgeGap } from "@/lib/analytics/types";
import { integer, utcTimeLabel } from "./analytics-format";

/** Questions the knowledge could not answer, grouped, most asked first. */
export function KnowledgeGaps({ gaps, showGpt }: { gaps: KnowledgeGap[]; showGpt: boolean }) {
  return (
    <ol className="divide-y rounded-xl border bg-card shadow-xs" data-testid="knowledge-gaps">
      {gaps.map((gap) => (
        <li key={`${gap.gptId}:${gap.normalized}`} className="flex items-start gap-3 px-4 py-3">
          <div className="grid min-w-0 flex-1 gap-0.5">
            <p className="break-words text-sm font-medium">“{gap.example}”</p>
            <p className="text-xs text-muted-foreground">
              {showGpt ? `${gap.gptName} · ` : null}
              Last asked <time dateTime={gap.lastSeenAt}>{utcTimeLabel(gap.lastSeenAt)}</time>
            </p>
          </div>
          <p className="shrink-0 text-sm tabular-nums">
            {integer.format(gap.count)}
            <span className="text-muted-foreground">{gap.count === 1 ? " time" : " times"}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
