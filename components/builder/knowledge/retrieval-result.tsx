"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatScore } from "@/lib/knowledge/client/format";
import type { RetrievedChunk } from "@/lib/knowledge/types";
import { cn } from "@/lib/utils/cn";
import { HighlightedText } from "./highlighted-text";
import { RelevanceBar } from "./relevance-bar";

/** Passages longer than this start folded, so a long chunk does not push the others away. */
const FOLD_CHARS = 480;

/** One ranked passage: where it comes from, how it scored, and its text with the query marked. */
export function RetrievalResult({ chunk, query }: { chunk: RetrievedChunk; query: string }) {
  const [isExpanded, setIsExpanded] = useState(false);
  const isLong = chunk.text.length > FOLD_CHARS;
  const textId = `knowledge-chunk-${chunk.chunkId}`;
  return (
    <li className="grid gap-2 px-3 py-3" data-testid="retrieval-result">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="text-xs font-semibold tabular-nums text-muted-foreground">
          <span className="sr-only">Rank </span>#{chunk.rank}
        </span>
        <span className="min-w-0 truncate text-sm font-medium" title={chunk.fileName}>
          {chunk.fileName}
        </span>
        {chunk.page !== null ? (
          <span className="text-xs text-muted-foreground">page {chunk.page}</span>
        ) : null}
        <div className="ml-auto">
          <RelevanceBar value={chunk.relevance} />
        </div>
      </div>
      {chunk.heading ? (
        <p className="text-xs font-medium text-muted-foreground break-words">{chunk.heading}</p>
      ) : null}
      <p
        id={textId}
        className={cn(
          "text-sm leading-relaxed break-words whitespace-pre-line",
          isLong && !isExpanded && "line-clamp-5",
        )}
      >
        <HighlightedText text={chunk.text} query={query} />
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground tabular-nums">
          Lexical {formatScore(chunk.lexicalScore)} · Vector {formatScore(chunk.vectorScore)}
        </p>
        {isLong ? (
          <Button
            type="button"
            variant="link"
            size="sm"
            className="h-auto px-0"
            aria-expanded={isExpanded}
            aria-controls={textId}
            onClick={() => setIsExpanded(!isExpanded)}
          >
            {isExpanded ? "Show less" : "Show the whole passage"}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
