import type { KnowledgeUsage } from "@/lib/knowledge/client/api-client";
import { formatLimitsSummary } from "@/lib/knowledge/client/format";
import type { KnowledgeLimits } from "@/lib/knowledge/types";

/** "3 of 20 files · up to 50 MB each · 120 MB of 1 GB used" (the storage is per creator). */
export function LimitsSummary({
  limits,
  usage,
}: {
  limits: KnowledgeLimits;
  usage: KnowledgeUsage;
}) {
  return (
    <p
      className="text-xs text-muted-foreground tabular-nums"
      data-testid="knowledge-limits"
      title="Storage counts your knowledge files across all your GPTs."
    >
      {formatLimitsSummary(limits, usage)}
    </p>
  );
}
