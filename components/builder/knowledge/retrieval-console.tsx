"use client";

import { ChevronDown, FlaskConical, Search } from "lucide-react";
import { type KeyboardEvent, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { GPT_LIMITS } from "@/lib/gpts/schemas";
import type {
  KnowledgeSearchInput,
  KnowledgeSearchSource,
} from "@/lib/knowledge/client/api-client";
import { useKnowledgeFiles, useKnowledgeSearch } from "@/lib/knowledge/client/hooks";
import { cn } from "@/lib/utils/cn";
import { RetrievalResults } from "./retrieval-results";
import { RetrievalSourceToggle } from "./retrieval-source-toggle";

const PANEL_ID = "knowledge-retrieval-console";
const INPUT_ID = "knowledge-retrieval-query";

export type RetrievalConsoleProps = {
  gptId: string;
  /** When omitted, a file the published version uses implies there is one. */
  hasPublishedVersion?: boolean;
  /** The draft's settings as on screen, so tuning them can be tested before saving. */
  topK: number;
  minScore: number;
};

function isValidTopK(value: number) {
  return (
    Number.isInteger(value) &&
    value >= GPT_LIMITS.knowledgeTopKMin &&
    value <= GPT_LIMITS.knowledgeTopKMax
  );
}

/**
 * "Test retrieval": ask a question and see which passages the GPT would be given, ranked, with
 * their scores. Draft searches use the settings on screen; published ones use the published
 * version's own settings (the server's). It lives inside the GPT form, so Enter searches here
 * instead of submitting the form.
 */
export function RetrievalConsole({
  gptId,
  hasPublishedVersion: hasPublishedVersionProp,
  topK,
  minScore,
}: RetrievalConsoleProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [question, setQuestion] = useState("");
  const [source, setSource] = useState<KnowledgeSearchSource>("draft");
  const [inputError, setInputError] = useState<string | null>(null);
  const [searched, setSearched] = useState<KnowledgeSearchInput | null>(null);
  const search = useKnowledgeSearch(gptId);
  const files = useKnowledgeFiles(gptId);
  const hasPublishedVersion =
    hasPublishedVersionProp ?? (files.data?.files ?? []).some((file) => file.isLive);
  const effectiveSource = hasPublishedVersion ? source : "draft";
  const hasReadyFiles = (files.data?.files ?? []).some(
    (file) => file.status === "READY" && (effectiveSource === "draft" ? file.inDraft : file.isLive),
  );

  function run() {
    const query = question.trim();
    if (!query) {
      setInputError("Type a question to search for.");
      return;
    }
    setInputError(null);
    const input: KnowledgeSearchInput =
      effectiveSource === "draft"
        ? {
            query,
            source: "draft",
            ...(isValidTopK(topK) ? { topK } : {}),
            ...(minScore >= 0 && minScore <= 1 ? { minScore } : {}),
          }
        : { query, source: "published" };
    setSearched(input);
    search.mutate(input);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    run();
  }

  const describedBy = [`${INPUT_ID}-description`, inputError ? `${INPUT_ID}-error` : null]
    .filter(Boolean)
    .join(" ");

  return (
    <section className="rounded-lg border" aria-labelledby={`${PANEL_ID}-toggle`}>
      <h4 className="text-sm font-medium">
        <button
          id={`${PANEL_ID}-toggle`}
          type="button"
          aria-expanded={isOpen}
          aria-controls={PANEL_ID}
          className="flex w-full items-center justify-between gap-3 rounded-lg px-4 py-3 text-left outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
          onClick={() => setIsOpen(!isOpen)}
        >
          <span className="flex items-center gap-2">
            <FlaskConical aria-hidden="true" className="size-4 text-muted-foreground" />
            Test retrieval
          </span>
          <ChevronDown
            aria-hidden="true"
            className={cn("size-4 transition-transform", isOpen && "rotate-180")}
          />
        </button>
      </h4>
      <div id={PANEL_ID} hidden={!isOpen} className="grid gap-4 border-t px-4 py-4">
        <div className="grid gap-2">
          <Label htmlFor={INPUT_ID}>Question</Label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Input
              id={INPUT_ID}
              type="search"
              value={question}
              placeholder="e.g. What is the refund policy?"
              autoComplete="off"
              enterKeyHint="search"
              aria-describedby={describedBy}
              aria-invalid={inputError ? true : undefined}
              onChange={(event) => setQuestion(event.target.value)}
              onKeyDown={onKeyDown}
            />
            <Button type="button" isLoading={search.isPending} onClick={run}>
              {search.isPending ? null : <Search aria-hidden="true" />}
              Search
            </Button>
          </div>
          <p id={`${INPUT_ID}-description`} className="text-xs text-muted-foreground">
            Shows the passages the GPT would read before answering, best first.
          </p>
          {inputError ? (
            <p
              id={`${INPUT_ID}-error`}
              role="alert"
              className="text-sm font-medium text-destructive"
            >
              {inputError}
            </p>
          ) : null}
        </div>
        <RetrievalSourceToggle
          value={effectiveSource}
          hasPublishedVersion={hasPublishedVersion}
          onChange={setSource}
        />
        {search.isError ? (
          <Alert variant="destructive">
            <AlertDescription className="text-destructive">{search.error.message}</AlertDescription>
          </Alert>
        ) : null}
        {search.isSuccess && searched ? (
          <RetrievalResults
            response={search.data}
            query={searched.query}
            minScore={searched.minScore ?? null}
            hasReadyFiles={hasReadyFiles}
          />
        ) : null}
      </div>
    </section>
  );
}
