/** Longest "@word" the composer searches for; past it the "@" is just text. */
export const MENTION_QUERY_MAX_LENGTH = 40;

const ACTIVE_MENTION = new RegExp(`(^|\\s)@([^\\s@]{0,${MENTION_QUERY_MAX_LENGTH}})$`);

/**
 * The "@query" typed right before the caret, if any: an "@" at the start of the text or after
 * whitespace (so "me@example.com" is not a mention), followed by non-space characters.
 * Browser-safe; the composer calls it on every change.
 */
export function activeMention(
  text: string,
  caret: number,
): { start: number; end: number; query: string } | null {
  const match = ACTIVE_MENTION.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2].length - 1, end: caret, query: match[2] };
}

/**
 * The text once a GPT is picked: the "@query" goes (the chip above the composer shows the choice)
 * and so does one space it leaves doubled. Returns where the caret goes.
 */
export function removeMentionToken(
  text: string,
  token: { start: number; end: number },
): { text: string; caret: number } {
  let before = text.slice(0, token.start);
  const after = text.slice(token.end);
  if (before.endsWith(" ") && (after.startsWith(" ") || after === "")) before = before.slice(0, -1);
  return { text: before + after, caret: before.length };
}
