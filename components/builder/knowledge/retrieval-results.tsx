import { SearchX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { KnowledgeSearchResponse } from "@/lib/knowledge/client/api-client";
import { formatCount } from "@/lib/knowledge/client/format";
import { RetrievalResult } from "./retrieval-result";

/** The answer of one test search: mode and time, then the ranked passages or why there are none. */
export function RetrievalResults({
  response,
  query,
  minScore,
  hasReadyFiles,
}: {
  response: KnowledgeSearchResponse;
  query: string;
  /** The minimum relevance the search used, for the "nothing found" hint; null if unknown. */
  minScore: number | null;
  hasReadyFiles: boolean;
}) {
  const { results, mode, tookMs } = response;
  return (
    <div className="grid gap-3" data-testid="retrieval-results">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <p role="status">
          {formatCount(results.length, "passage")} found in {Math.round(tookMs)} ms
        </p>
        <Badge
          variant="outline"
          title={
            mode === "hybrid"
              ? "Word matches combined with meaning (embeddings)"
              : "Word matches only: no embedding model is configured"
          }
        >
          Mode: {mode}
        </Badge>
      </div>
      {results.length === 0 ? (
        <div className="flex items-start gap-3 rounded-lg border border-dashed p-4">
          <SearchX aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
          <div className="grid gap-1 text-sm">
            <p className="font-medium">No passage matched</p>
            <p className="text-muted-foreground">
              {!hasReadyFiles
                ? "No file is ready to search yet: add a file and wait until it shows Ready."
                : `Try words that appear in your files${
                    minScore !== null && minScore > 0
                      ? `, or lower Minimum relevance (now ${minScore}) in Knowledge settings`
                      : ""
                  }.${mode === "lexical" ? " Search matches words, not meaning, until an administrator sets an embedding model." : ""}`}
            </p>
          </div>
        </div>
      ) : (
        <ol aria-label="Retrieved passages" className="divide-y rounded-lg border">
          {results.map((chunk) => (
            <RetrievalResult key={chunk.chunkId} chunk={chunk} query={query} />
          ))}
        </ol>
      )}
    </div>
  );
}
