import type { CitationsPart } from "../../knowledge/citations/types";
import type { TextPart } from "../schemas";

/** What an action call becomes in a shared copy: only the host, never the request or result. */
export const ACTION_USED_PART_TYPE = "data-action-used" as const;
export type ActionUsedPart = { type: typeof ACTION_USED_PART_TYPE; data: { host: string } };

export type SharedPart = TextPart | CitationsPart | ActionUsedPart;

/**
 * One message of a shared copy (ConversationShare.messages). `gpt` is who answered (assistant)
 * or whom the user addressed (user), by its published name and picture when it was shared.
 */
export type SharedMessage = {
  id: string;
  role: "user" | "assistant";
  parts: SharedPart[];
  status?: "INTERRUPTED";
  gpt: { name: string; avatarKey: string | null; avatarColor: string | null };
};

/** The owner's view of a conversation's link (the share dialog, settings). */
export type ShareLink = {
  token: string;
  path: string;
  conversationId: string;
  title: string;
  gptName: string;
  messageCount: number;
  lastMessageId: string;
  sharedAt: string;
};
