"use client";

import { isToolUIPart, type UIMessage } from "ai";
import { MessageBubble } from "@/components/chat/message-bubble";
import { Spinner } from "@/components/ui/spinner";
import { BUILDER_FIELD_LABELS } from "@/lib/builder/fields";
import {
  BUILDER_TOOL_FIELDS,
  type BuilderChangeAction,
  type BuilderChangeView,
  type BuilderToolName,
  type BuilderToolOutput,
} from "@/lib/builder/schemas";
import type { ChatMessageStatus } from "@/lib/chat/schemas";
import { BuilderChangeItem } from "./builder-change-item";

export type BuilderUIMessage = UIMessage<{
  status?: ChatMessageStatus;
  errorMessage?: string | null;
}>;

export const BUILDER_NAME = "GPT Builder";
/** The builder's own avatar colour (from the palette), so it never looks like the GPT. */
export const BUILDER_AVATAR = { color: "#475569" } as const;

export function textOfMessage(message: BuilderUIMessage): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

type ToolActivity = { id: string; label: string; error?: string };

/** Tool calls still running, and tool calls the builder could not carry out (with why). */
function toolActivity(message: BuilderUIMessage): {
  running: ToolActivity[];
  failed: ToolActivity[];
} {
  const running: ToolActivity[] = [];
  const failed: ToolActivity[] = [];
  for (const part of message.parts) {
    if (!isToolUIPart(part) || part.type === "dynamic-tool") continue;
    const field = BUILDER_TOOL_FIELDS[part.type.slice("tool-".length) as BuilderToolName];
    if (!field) continue;
    const label = BUILDER_FIELD_LABELS[field];
    if (part.state === "input-streaming" || part.state === "input-available") {
      running.push({ id: part.toolCallId, label });
    } else if (part.state === "output-error") {
      failed.push({
        id: part.toolCallId,
        label,
        error: "The builder sent a value that could not be used.",
      });
    } else if (part.state === "output-available") {
      const output = part.output as BuilderToolOutput;
      if (output.status === "error")
        failed.push({ id: part.toolCallId, label, error: output.message });
    }
  }
  return { running, failed };
}

/** One message of the builder chat; an answer lists the changes it made, each with its actions. */
export function BuilderMessage({
  message,
  changes,
  categories,
  isStreaming,
  pending,
  isActionDisabled,
  onAction,
}: {
  message: BuilderUIMessage;
  changes: BuilderChangeView[];
  categories: { id: string; name: string }[];
  isStreaming: boolean;
  pending: { changeId: string; action: BuilderChangeAction } | null;
  isActionDisabled: boolean;
  onAction: (change: BuilderChangeView, action: BuilderChangeAction) => void;
}) {
  const text = textOfMessage(message);
  if (message.role === "user") {
    return <MessageBubble author="user" text={text} gptName={BUILDER_NAME} />;
  }
  const { running, failed } = toolActivity(message);
  const hasActivity = changes.length > 0 || running.length > 0 || failed.length > 0;
  const status = message.metadata?.status;
  // An answer that failed before any text or change has nothing to show; the alert explains.
  if (!text && !hasActivity && !isStreaming && !status) return null;
  return (
    <div className="grid gap-2">
      {text || (isStreaming && !hasActivity) || status ? (
        <MessageBubble
          author="assistant"
          text={text}
          gptName={BUILDER_NAME}
          gptAvatar={BUILDER_AVATAR}
          status={status}
          errorMessage={message.metadata?.errorMessage}
          isStreaming={isStreaming}
        />
      ) : null}
      {hasActivity ? (
        <ul aria-label="Changes made by the builder" className="grid gap-2 pl-11">
          {changes.map((change) => (
            <BuilderChangeItem
              key={change.id}
              change={change}
              categories={categories}
              pendingAction={pending?.changeId === change.id ? pending.action : null}
              isDisabled={isActionDisabled}
              onAction={onAction}
            />
          ))}
          {running.map((activity) => (
            <li
              key={activity.id}
              className="flex items-center gap-2 rounded-lg border border-dashed px-3 py-2 text-sm text-muted-foreground"
            >
              <Spinner size="sm" label={`Updating ${activity.label}`} />
              Updating {activity.label.toLowerCase()}…
            </li>
          ))}
          {failed.map((activity) => (
            <li
              key={activity.id}
              data-testid="builder-change-failed"
              className="rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
            >
              Could not update {activity.label.toLowerCase()}: {activity.error}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
