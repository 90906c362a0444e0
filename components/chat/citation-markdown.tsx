"use client";

import { memo, type ReactNode, useMemo } from "react";
import type { Components, ExtraProps } from "react-markdown";
import { Markdown, type PluggableList } from "@/components/ui/markdown";
import { CITATION_MARKER } from "@/lib/knowledge/citations/extract-citations";
import type { Citation } from "@/lib/knowledge/citations/types";
import { CitationButton } from "./citation-popover";

type HastElement = NonNullable<ExtraProps["node"]>;
type HastChild = HastElement["children"][number];
type HastParent = { type: string; tagName?: string; children: HastChild[] };

/** Where a "[1]" is code or link text, not a citation. */
const SKIPPED_TAGS = new Set(["code", "pre", "a", "button"]);

/**
 * Runs after rehype-sanitize: turns "[n]" markers (n among the answer's citations) in text into
 * `<button data-citation="n">` elements, which `components.button` renders as CitationButton.
 * Only we create these elements (raw HTML never survives sanitizing), so they cannot be forged.
 */
function rehypeCitations(options: { numbers: Set<number> }) {
  const split = (value: string): HastChild[] | null => {
    const pieces: HastChild[] = [];
    let last = 0;
    let found = false;
    for (const match of value.matchAll(new RegExp(CITATION_MARKER.source, "g"))) {
      const numbers = match[1].split(",").map((piece) => Number(piece.trim()));
      if (!numbers.every((n) => options.numbers.has(n))) continue;
      found = true;
      if (match.index > last) pieces.push({ type: "text", value: value.slice(last, match.index) });
      for (const n of numbers) {
        pieces.push({
          type: "element",
          tagName: "button",
          properties: { dataCitation: String(n) },
          children: [{ type: "text", value: String(n) }],
        });
      }
      last = match.index + match[0].length;
    }
    if (!found) return null;
    if (last < value.length) pieces.push({ type: "text", value: value.slice(last) });
    return pieces;
  };
  const walk = (node: HastParent) => {
    node.children = node.children.flatMap((child) => {
      if (child.type === "text") return split(child.value) ?? [child];
      if (child.type === "element" && !SKIPPED_TAGS.has(child.tagName)) walk(child);
      return [child];
    });
  };
  return (tree: HastParent) => walk(tree);
}

type Props = { children: string; citations: Citation[]; className?: string };

/**
 * An answer with inline source markers: the same rendering and sanitizing as <Markdown>, plus
 * "[n]" markers turned into buttons that open the cited passage. Without citations it is <Markdown>.
 */
export const CitationMarkdown = memo(function CitationMarkdown({
  children,
  citations,
  className,
}: Props) {
  const byNumber = useMemo(
    () => new Map(citations.map((citation) => [citation.n, citation])),
    [citations],
  );
  const extraRehypePlugins = useMemo<PluggableList>(
    () => [[rehypeCitations, { numbers: new Set(byNumber.keys()) }]],
    [byNumber],
  );
  const extraComponents = useMemo<Components>(
    () => ({
      button: ({ node }): ReactNode => {
        const citation = byNumber.get(Number(node?.properties.dataCitation));
        return citation ? <CitationButton citation={citation} /> : null;
      },
    }),
    [byNumber],
  );
  if (citations.length === 0) return <Markdown className={className}>{children}</Markdown>;
  return (
    <Markdown
      className={className}
      extraRehypePlugins={extraRehypePlugins}
      extraComponents={extraComponents}
    >
      {children}
    </Markdown>
  );
});
