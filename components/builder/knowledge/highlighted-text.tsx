import { highlightSegments } from "@/lib/knowledge/client/highlight";

/** The passage with the query's words marked (<mark> is announced as highlighted text). */
export function HighlightedText({ text, query }: { text: string; query: string }) {
  // Segments never reorder, so their position is a stable key.
  return (
    <>
      {highlightSegments(text, query).map((segment, index) =>
        segment.isMatch ? (
          <mark key={index} className="rounded-sm bg-warning/25 px-0.5 text-foreground">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
