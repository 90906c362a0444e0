import type { UIMessageChunk } from "ai";
import { appUrl } from "../env";
import { gptPath } from "../gpts/visibility";
import { CITATIONS_PART_TYPE, type Citation } from "../knowledge/citations/types";

/** What the API tells the caller about an answer, read from the engine's UI message chunks. */
export type CompletionEvent =
  | { type: "text"; delta: string }
  | { type: "end"; status: string; errorMessage: string | null; usage: Usage | null }
  | { type: "failed"; message: string };

export type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

type EndMetadata = {
  status?: string;
  errorMessage?: string | null;
  usage?: { inputTokens: number; outputTokens: number };
};

/**
 * Reads the engine's chunk stream: text deltas as they come, the citations (the latest set wins,
 * as in the browser), and the end, which the engine sends after the answer and its usage event
 * are saved (message metadata carrying the final status and the metered usage).
 */
export async function* completionEvents(
  chunks: AsyncIterable<UIMessageChunk>,
  citations: { current: Citation[] },
): AsyncGenerator<CompletionEvent> {
  let errorText: string | null = null;
  for await (const chunk of chunks) {
    if (chunk.type === "text-delta") {
      yield { type: "text", delta: chunk.delta };
    } else if (chunk.type === CITATIONS_PART_TYPE) {
      const data = (chunk as { data?: { citations?: Citation[] } }).data;
      citations.current = data?.citations ?? [];
    } else if (chunk.type === "error") {
      errorText = chunk.errorText;
    } else if (chunk.type === "message-metadata") {
      const metadata = (chunk.messageMetadata ?? {}) as EndMetadata;
      if (!metadata.status || metadata.status === "STREAMING") continue;
      const usage = metadata.usage
        ? {
            prompt_tokens: metadata.usage.inputTokens,
            completion_tokens: metadata.usage.outputTokens,
            total_tokens: metadata.usage.inputTokens + metadata.usage.outputTokens,
          }
        : null;
      if (metadata.status === "FAILED") {
        yield {
          type: "failed",
          message: metadata.errorMessage ?? errorText ?? "The model could not answer.",
        };
      }
      yield {
        type: "end",
        status: metadata.status,
        errorMessage: metadata.errorMessage ?? null,
        usage,
      };
    }
  }
}

/**
 * Knowledge citations as OpenAI `url_citation` annotations: the span of the "[n]" marker in the
 * answer, a link to the GPT's page, and the file's name as title (unless the GPT hides its
 * sources). The cited passage rides along in `atelier_citation` (an extension field).
 */
export function citationAnnotations({
  text,
  citations,
  slug,
}: {
  text: string;
  citations: Citation[];
  slug: string;
}) {
  return citations.map((citation) => {
    const marker = `[${citation.n}]`;
    const start = Math.max(0, text.indexOf(marker));
    return {
      type: "url_citation" as const,
      url_citation: {
        url: `${appUrl}${gptPath(slug)}#source-${citation.n}`,
        title: citation.fileName ?? `Source ${citation.n}`,
        start_index: start,
        end_index: start + marker.length,
      },
      atelier_citation: {
        n: citation.n,
        file_name: citation.fileName,
        page: citation.page,
        heading: citation.heading,
        quote: citation.quote,
      },
    };
  });
}
