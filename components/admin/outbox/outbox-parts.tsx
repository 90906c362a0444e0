"use client";

import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { OutboxStatus } from "@/lib/mail/outbox-schemas";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/utils/format-time";

const STATUS = {
  QUEUED: { label: "Queued", variant: "secondary" },
  SENT: { label: "Sent", variant: "success" },
  FAILED: { label: "Failed", variant: "destructive" },
  LOGGED: { label: "Not sent", variant: "warning" },
} as const;

export const statusLabel = (status: OutboxStatus) => STATUS[status].label;

/** LOGGED reads "Not sent": that is what matters to an admin (the mail waits here for them). */
export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const { label, variant } = STATUS[status];
  return (
    <Badge variant={variant} data-testid="outbox-status">
      {label}
    </Badge>
  );
}

export function EmailTime({ iso }: { iso: string }) {
  // The absolute time is in the browser's time zone, unknown to the server: set after mount.
  const [title, setTitle] = useState<string>();
  useEffect(() => setTitle(formatAbsoluteTime(iso)), [iso]);
  return (
    <time dateTime={iso} title={title} suppressHydrationWarning>
      {formatRelativeTime(iso)}
    </time>
  );
}

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g;

/**
 * A plain-text mail body with its http(s) links clickable. Rendered as React text and anchors,
 * never as HTML, so nothing in a body can run or restyle the admin page.
 */
export function LinkifiedText({ text }: { text: string }) {
  // Each piece is keyed by where it starts in the text: stable and unique.
  const parts: { at: number; text: string; isLink: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    // A sentence's final period or comma is not part of the link.
    const url = match[0].replace(/[.,;:!?]+$/, "");
    if (start > last) parts.push({ at: last, text: text.slice(last, start), isLink: false });
    parts.push({ at: start, text: url, isLink: true });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ at: last, text: text.slice(last), isLink: false });
  return (
    <>
      {parts.map((part) =>
        part.isLink ? (
          <a
            key={part.at}
            href={part.text}
            target="_blank"
            rel="noopener noreferrer"
            className="break-all text-primary underline underline-offset-4"
          >
            {part.text}
          </a>
        ) : (
          <span key={part.at}>{part.text}</span>
        ),
      )}
    </>
  );
}
