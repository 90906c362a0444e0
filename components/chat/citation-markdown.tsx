"use client";

import { memo, type ReactNode, useId, useMemo } from "react";
import ReactMarkdown, { type Components, type ExtraProps, type Options } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { CodeBlock } from "@/components/ui/code-block";
import { Markdown } from "@/components/ui/markdown";
import { CITATION_MARKER } from "@/lib/knowledge/citations/extract-citations";
import type { Citation } from "@/lib/knowledge/citations/types";
import { cn } from "@/lib/utils/cn";
import { CitationButton } from "./citation-popover";

type HastElement = NonNullable<ExtraProps["node"]>;
type HastChild = HastElement["children"][number];
type HastParent = { type: string; tagName?: string; children: HastChild[] };
type PluggableList = NonNullable<Options["rehypePlugins"]>;

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

type MdastNode = { type: string; value?: string; children?: MdastNode[] };
const flowContainers = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

/** Raw HTML as literal text, as in components/ui/markdown.tsx. */
function remarkHtmlAsText() {
  const walk = (node: MdastNode) => {
    node.children = node.children?.map((child) => {
      if (child.type !== "html") {
        walk(child);
        return child;
      }
      const text = { type: "text", value: child.value };
      return flowContainers.has(node.type) ? { type: "paragraph", children: [text] } : text;
    });
  };
  return walk;
}

const remarkPlugins: PluggableList = [remarkGfm, remarkHtmlAsText];

function codeOf(node: HastElement | undefined) {
  const code = node?.children.find(
    (child): child is HastElement => child.type === "element" && child.tagName === "code",
  );
  const text = (n: HastChild | HastElement | undefined): string =>
    !n ? "" : n.type === "text" ? n.value : "children" in n ? n.children.map(text).join("") : "";
  const classes = code?.properties.className;
  const languageClass = Array.isArray(classes)
    ? classes.map(String).find((name) => name.startsWith("language-"))
    : undefined;
  return {
    code: text(code).replace(/\n$/, ""),
    language: languageClass?.slice("language-".length),
  };
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
  const idPrefix = `md${useId().replace(/[^\w-]/g, "")}-`;
  const byNumber = useMemo(
    () => new Map(citations.map((citation) => [citation.n, citation])),
    [citations],
  );
  const rehypePlugins = useMemo<PluggableList>(
    () => [
      [rehypeSanitize, { ...defaultSchema, clobberPrefix: idPrefix }],
      [rehypeCitations, { numbers: new Set(byNumber.keys()) }],
    ],
    [idPrefix, byNumber],
  );
  const components = useMemo<Components>(
    () => ({
      a: ({ node: _node, href, children: content, ...props }) => {
        if (!href) return <span>{content}</span>;
        if (href.startsWith("#")) {
          return (
            <a {...props} href={`#${idPrefix}${href.slice(1)}`}>
              {content}
            </a>
          );
        }
        return (
          <a {...props} href={href} target="_blank" rel="noopener noreferrer nofollow">
            {content}
          </a>
        );
      },
      input: ({ node: _node, type, checked, ...props }) =>
        type === "checkbox" ? (
          <input
            {...props}
            type="checkbox"
            checked={checked}
            disabled
            aria-label={checked ? "Completed" : "Not completed"}
          />
        ) : null,
      pre: ({ node }) => <CodeBlock {...codeOf(node)} />,
      table: ({ node: _node, ...props }) => (
        <div className="my-6 w-full overflow-x-auto">
          <table {...props} className="my-0" />
        </div>
      ),
      button: ({ node }): ReactNode => {
        const citation = byNumber.get(Number(node?.properties.dataCitation));
        return citation ? <CitationButton citation={citation} /> : null;
      },
    }),
    [idPrefix, byNumber],
  );
  if (citations.length === 0) return <Markdown className={className}>{children}</Markdown>;
  return (
    <div
      className={cn(
        "prose max-w-none break-words dark:prose-invert",
        "prose-h1:text-2xl prose-h2:text-xl prose-h3:text-lg prose-headings:scroll-mt-20 prose-a:underline-offset-2",
        "prose-code:rounded prose-code:bg-muted prose-code:px-1.5 prose-code:py-0.5 prose-code:font-normal prose-code:before:content-none prose-code:after:content-none",
        "[&_.contains-task-list]:list-none [&_.contains-task-list]:pl-0 [&_.task-list-item>input]:my-0 [&_.task-list-item>input]:mr-2",
        className,
      )}
    >
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        remarkRehypeOptions={{ clobberPrefix: "" }}
        rehypePlugins={rehypePlugins}
        components={components}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
});
