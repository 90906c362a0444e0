"use client";

import { isToolUIPart } from "ai";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { useBuilderChangeAction } from "@/lib/builder/hooks";
import type {
  BuilderChangeAction,
  BuilderChangeView,
  BuilderToolOutput,
} from "@/lib/builder/schemas";
import type { DraftFormValues } from "@/lib/gpts/draft-form";
import type { GptDraftController } from "../use-gpt-draft";
import type { BuilderUIMessage } from "./builder-message";

function upsert(changes: BuilderChangeView[], change: BuilderChangeView): BuilderChangeView[] {
  const index = changes.findIndex((candidate) => candidate.id === change.id);
  if (index === -1) return [...changes, change];
  return changes.map((candidate, i) => (i === index ? change : candidate));
}

function fieldValues(field: string, value: unknown): Partial<DraftFormValues> {
  return { [field]: value } as Partial<DraftFormValues>;
}

/**
 * The builder's changes as the chat shows them: loaded with the history, added as tool results
 * stream in (each applied one goes into the form at once, with its new revision), and updated by
 * Undo / Apply / Dismiss, which run in the editor's save queue after pending edits are saved.
 */
export function useBuilderChanges({
  draft,
  initialChanges,
  messages,
}: {
  draft: GptDraftController;
  initialChanges: BuilderChangeView[];
  messages: BuilderUIMessage[];
}) {
  const [changes, setChanges] = useState(initialChanges);
  const [pending, setPending] = useState<{ changeId: string; action: BuilderChangeAction } | null>(
    null,
  );
  const adopted = useRef(new Set<string>());
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  const { mutateAsync: runAction } = useBuilderChangeAction();

  // Once per tool call, as soon as its result arrives.
  useEffect(() => {
    for (const message of messages) {
      if (message.role !== "assistant") continue;
      for (const part of message.parts) {
        if (!isToolUIPart(part) || part.state !== "output-available") continue;
        if (adopted.current.has(part.toolCallId)) continue;
        adopted.current.add(part.toolCallId);
        const output = part.output as BuilderToolOutput;
        if (output.status === "applied") {
          draftRef.current.adoptServerDraft({
            values: fieldValues(output.change.field, output.change.after),
            revision: output.revision,
          });
        }
        if (output.status === "applied" || output.status === "proposed") {
          setChanges((current) => upsert(current, output.change));
        }
      }
    }
  }, [messages]);

  async function act(change: BuilderChangeView, action: BuilderChangeAction) {
    setPending({ changeId: change.id, action });
    try {
      const result = await draft.withSavedDraft(({ gptId, revision }) =>
        runAction({ gptId, changeId: change.id, action, revision }),
      );
      setChanges((current) => upsert(current, result.change));
      if (result.draft) {
        draft.adoptServerDraft({
          values: fieldValues(result.draft.field, result.draft.value),
          revision: result.revision,
        });
      }
    } catch (caught) {
      toast.error(caught instanceof Error ? caught.message : "That did not work. Try again.");
    } finally {
      setPending(null);
    }
  }

  const changesByMessage = useMemo(() => {
    const grouped = new Map<string, BuilderChangeView[]>();
    for (const change of changes) {
      if (!change.messageId) continue;
      grouped.set(change.messageId, [...(grouped.get(change.messageId) ?? []), change]);
    }
    return grouped;
  }, [changes]);

  return { changesByMessage, pending, act };
}
