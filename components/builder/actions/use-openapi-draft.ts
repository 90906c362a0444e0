"use client";

import { useCallback, useEffect, useState } from "react";
import { usePreviewOpenApi } from "@/lib/gpt-actions/client/hooks";
import type { OpenApiPreview } from "@/lib/gpt-actions/types";
import { errorMessage } from "./action-format";

/** Re-check a pasted document this long after the last keystroke. */
export const PREVIEW_DEBOUNCE_MS = 800;

type PreviewResult = {
  /** The document text the result describes (the fetched text after an import). */
  text: string;
  /** Set when the result came from "Import from URL". */
  url: string | null;
  preview: OpenApiPreview;
};

/**
 * The OpenAPI document being edited: its text, where it was imported from, and the server's
 * parse of it (debounced while typing, or on Validate / Import). Only the latest request's answer
 * is kept, so a slow earlier preview cannot overwrite a newer one.
 */
export function useOpenApiDraft({
  gptId,
  initialText,
  initialSourceUrl,
}: {
  gptId: string;
  initialText: string;
  initialSourceUrl: string | null;
}) {
  const [text, setTextState] = useState(initialText);
  const [sourceUrl, setSourceUrl] = useState(initialSourceUrl);
  const [importUrl, setImportUrl] = useState(initialSourceUrl ?? "");
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [requestError, setRequestError] = useState<string | null>(null);
  const preview = usePreviewOpenApi(gptId);
  const { mutate } = preview;

  const validate = useCallback(
    (value: string) => {
      if (!value.trim()) return;
      setRequestError(null);
      mutate(
        { text: value },
        {
          onSuccess: (answer) => setResult({ text: value, url: null, preview: answer }),
          onError: (error) => setRequestError(errorMessage(error)),
        },
      );
    },
    [mutate],
  );

  const importFromUrl = useCallback(() => {
    const url = importUrl.trim();
    if (!url) {
      setRequestError("Enter the address of an OpenAPI document.");
      return;
    }
    setRequestError(null);
    mutate(
      { url },
      {
        onSuccess: (answer) => {
          if (answer.ok) {
            setTextState(answer.schemaText);
            setSourceUrl(url);
            setResult({ text: answer.schemaText, url, preview: answer });
          } else {
            // The problems describe the fetched document; the text on screen stays as it was.
            setResult({ text, url, preview: answer });
          }
        },
        onError: (error) => setRequestError(errorMessage(error)),
      },
    );
  }, [importUrl, mutate, text]);

  const setText = useCallback((value: string) => {
    setTextState(value);
    // Edited by hand: it is no longer the document at the import URL.
    setSourceUrl(null);
  }, []);

  const isCurrent = result !== null && result.text === text;
  useEffect(() => {
    if (isCurrent || !text.trim()) return;
    const timer = window.setTimeout(() => validate(text), PREVIEW_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, isCurrent, validate]);

  return {
    text,
    setText,
    sourceUrl,
    importUrl,
    setImportUrl,
    /** The parse of the text on screen, or null while it has not been checked yet. */
    preview: isCurrent ? result.preview : null,
    /** The last answer, even if the text changed since (kept on screen while re-checking). */
    lastResult: result,
    isPreviewing: preview.isPending,
    requestError,
    validate: () => validate(text),
    importFromUrl,
  };
}

export type OpenApiDraft = ReturnType<typeof useOpenApiDraft>;
