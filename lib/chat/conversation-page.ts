import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/session";
import { AppError } from "../errors";
import { type ConversationCursor, listConversations } from "./queries";

export const CONVERSATION_PAGE_SIZE = 50;

export const conversationPageQuerySchema = z.object({
  q: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(CONVERSATION_PAGE_SIZE),
});

/** The cursor is opaque to clients: "<updatedAt ISO>_<id>" in base64url. */
function encodeCursor({ updatedAt, id }: ConversationCursor): string {
  return Buffer.from(`${updatedAt.toISOString()}_${id}`).toString("base64url");
}

function decodeCursor(value: string): ConversationCursor {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("_");
  const updatedAt = new Date(iso ?? "");
  if (!id || Number.isNaN(updatedAt.getTime())) {
    throw new AppError("bad_request", "This list position is not valid. Reload the list.");
  }
  return { updatedAt, id };
}

/** One page of the sidebar list (JSON-ready dates) and the cursor of the next, if any. */
export async function listConversationPage({
  actor,
  q,
  cursor,
  limit = CONVERSATION_PAGE_SIZE,
}: {
  actor: Actor;
  q?: string;
  cursor?: string;
  limit?: number;
}) {
  const rows = await listConversations({
    actor,
    q,
    cursor: cursor ? decodeCursor(cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    conversations: page.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
export type ConversationPage = Awaited<ReturnType<typeof listConversationPage>>;
