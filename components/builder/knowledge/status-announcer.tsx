"use client";

import { useEffect, useRef, useState } from "react";
import { describeStatusChanges } from "@/lib/knowledge/client/status-changes";
import type { KnowledgeFileView } from "@/lib/knowledge/types";

/**
 * A polite live region that says when a file becomes ready or fails, so screen reader users need
 * not watch the list while it polls.
 */
export function StatusAnnouncer({ files }: { files: KnowledgeFileView[] | undefined }) {
  const previous = useRef<KnowledgeFileView[] | undefined>(undefined);
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (!files) return;
    if (previous.current) {
      const messages = describeStatusChanges(previous.current, files);
      if (messages.length > 0) setMessage(messages.join(" "));
    }
    previous.current = files;
  }, [files]);

  return (
    <p role="status" aria-live="polite" className="sr-only" data-testid="knowledge-announcer">
      {message}
    </p>
  );
}
