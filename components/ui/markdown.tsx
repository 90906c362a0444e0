"use client";

import { Component, type ErrorInfo, memo, type ReactNode, useId, useMemo } from "react";
import ReactMarkdown, { type Components, type ExtraProps, type Options } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/utils/cn";
import { CodeBlock } from "./code-block";

type HastElement = NonNullable<ExtraProps["node"]>;
export type PluggableList = NonNullable<Options["rehypePlugins"]>;
type HastNode = HastElement | HastElement["children"][number];

function textOf(node: HastNode | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map(textOf).join("") : "";
}

function readCodeBlock(node: HastElement | undefined) {
  const code = node?.children.find(
    (child): child is HastElement => child.type === "element" && child.tagName === "code",
  );
  const classes = code?.properties.className;
  const languageClass = Array.isArray(classes)
    ? classes.map(String).find((name) => name.startsWith("language-"))
    : undefined;
  return {
    code: textOf(code).replace(/\n$/, ""),
    language: languageClass?.slice("language-".length),
  };
}

/**
 * `idPrefix` is the per-instance prefix rehype-sanitize puts on every id (anti DOM clobbering);
 * in-page links get the same prefix so footnotes work and ids never collide between messages.
 */
const createComponents = (idPrefix: string): Components => ({
  a: ({ node: _node, href, children, ...props }) => {
    // urlTransform already dropped unsafe hrefs (javascript: etc.); keep just the text.
    if (!href) return <span>{children}</span>;
    // In-page anchors (GFM footnotes) stay in the tab; everything else is untrusted and external.
    if (href.startsWith("#")) {
      return (
        <a {...props} href={`#${idPrefix}${href.slice(1)}`}>
          {children}
        </a>
      );
    }
    return (
      <a {...props} href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  },
  // GFM task list items render a disabled checkbox; axe requires every input to have a name.
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
  pre: ({ node }) => <CodeBlock {...readCodeBlock(node)} />,
  table: ({ node: _node, ...props }) => (
    <div className="my-6 w-full overflow-x-auto">
      <table {...props} className="my-0" />
    </div>
  ),
});

type MdastNode = { type: string; value?: string; children?: MdastNode[] };

const flowContainers = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

// Raw HTML is shown as literal text (a chat about HTML must not lose its `<div>`s), so it can
// never execute; rehype-sanitize below remains the second line of defence.
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

type MarkdownProps = {
  children: string;
  className?: string;
  /** Run after sanitizing, so what they add is trusted (e.g. citation buttons). Keep stable. */
  extraRehypePlugins?: PluggableList;
  /** Renderers for elements only those plugins create. Keep stable (memoised by the caller). */
  extraComponents?: Components;
};

/**
 * Renders untrusted markdown (model output, GPT descriptions). Raw HTML shows as text, and
 * rehype-sanitize (default GitHub schema) strips anything unsafe that remains, such as
 * javascript: URLs. Partial input while streaming is fine: an unclosed fence renders as a code
 * block so far.
 */
export const Markdown = memo(function Markdown({
  children,
  className,
  extraRehypePlugins,
  extraComponents,
}: MarkdownProps) {
  const idPrefix = `md${useId().replace(/[^\w-]/g, "")}-`;
  const components = useMemo(
    () => ({ ...createComponents(idPrefix), ...extraComponents }),
    [idPrefix, extraComponents],
  );
  const rehypePlugins = useMemo<PluggableList>(
    () => [
      [rehypeSanitize, { ...defaultSchema, clobberPrefix: idPrefix }],
      ...(extraRehypePlugins ?? []),
    ],
    [idPrefix, extraRehypePlugins],
  );
  return (
    <div
      className={cn(
        "prose max-w-none break-words dark:prose-invert",
        // Chat-sized headings, GitHub-style inline code, bullet-less task lists.
        "prose-h1:text-2xl prose-h2:text-xl prose-h3:text-lg prose-headings:scroll-mt-20 prose-a:underline-offset-2",
        "prose-code:rounded prose-code:bg-muted prose-code:px-1.5 prose-code:py-0.5 prose-code:font-normal prose-code:before:content-none prose-code:after:content-none",
        "[&_.contains-task-list]:list-none [&_.contains-task-list]:pl-0 [&_.task-list-item>input]:my-0 [&_.task-list-item>input]:mr-2",
        className,
      )}
    >
      <MarkdownErrorBoundary source={children}>
        <ReactMarkdown
          remarkPlugins={remarkPlugins}
          // Footnote ids are left bare here; the sanitizer adds the one prefix.
          remarkRehypeOptions={{ clobberPrefix: "" }}
          rehypePlugins={rehypePlugins}
          components={components}
        >
          {children}
        </ReactMarkdown>
      </MarkdownErrorBoundary>
    </div>
  );
});

type BoundaryProps = { source: string; children: ReactNode };
type BoundaryState = { source: string; hasError: boolean };

// Last line of defence: a parser bug on some half-streamed input shows plain text, not a crash.
// The next chunk (a new `source`) gets a fresh attempt.
class MarkdownErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { source: this.props.source, hasError: false };

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState) {
    return props.source === state.source ? null : { source: props.source, hasError: false };
  }

  static getDerivedStateFromError() {
    return { hasError: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("Markdown rendering failed", error, info.componentStack);
  }

  render() {
    if (this.state.hasError) return <p className="whitespace-pre-wrap">{this.props.source}</p>;
    return this.props.children;
  }
}
