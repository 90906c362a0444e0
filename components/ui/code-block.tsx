"use client";

import { useDeferredValue, useEffect, useMemo, useSyncExternalStore } from "react";
import { cn } from "@/lib/utils/cn";
import {
  highlightCode,
  isLanguageReady,
  loadLanguage,
  resolveLanguage,
  subscribeToLanguages,
} from "./code-highlighter";
import { CopyButton } from "./copy-button";

type CodeBlockProps = {
  code: string;
  /** Fence info such as "ts" or "python"; unknown languages render as plain text. */
  language?: string;
  className?: string;
};

const preClasses =
  "[&_pre]:overflow-x-auto [&_pre]:p-4 [&_pre]:font-mono [&_pre]:text-[0.8125rem] [&_pre]:leading-relaxed [&_pre]:outline-none [&_pre:focus-visible]:ring-2 [&_pre:focus-visible]:ring-ring [&_pre:focus-visible]:ring-inset";

export function CodeBlock({ code, language, className }: CodeBlockProps) {
  const lang = resolveLanguage(language);
  // The server snapshot is always false, so hydration matches the plain server render.
  const isReady = useSyncExternalStore(
    subscribeToLanguages,
    () => isLanguageReady(lang),
    () => false,
  );
  // While a reply streams in, re-highlighting yields to more urgent renders.
  const deferredCode = useDeferredValue(code);
  const html = useMemo(
    () => (lang && isReady ? highlightCode(deferredCode, lang) : null),
    [deferredCode, lang, isReady],
  );

  useEffect(() => {
    if (lang && !isReady) loadLanguage(lang).catch(() => {});
  }, [lang, isReady]);

  const label = language?.trim().slice(0, 24) || "text";

  return (
    <div
      className={cn(
        "not-prose my-4 overflow-hidden rounded-lg border bg-code text-foreground",
        preClasses,
        className,
      )}
    >
      <div className="flex items-center justify-between border-b py-1 pr-1.5 pl-4">
        <span className="font-mono text-xs text-muted-foreground">{label}</span>
        <CopyButton value={code} label="Copy code" />
      </div>
      {html ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: shiki's own output; it escapes the code, and raw HTML from messages never reaches here
        <div dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable (axe scrollable-region-focusable); shiki's <pre> does the same
        <pre tabIndex={0}>
          <code>{code}</code>
        </pre>
      )}
    </div>
  );
}
