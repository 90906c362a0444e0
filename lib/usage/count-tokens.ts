import { encode } from "gpt-tokenizer";

/**
 * Local token counts (o200k encoding) for when the upstream reports no usage, e.g. a stream the
 * user stopped. An estimate for non-OpenAI models, but never zero for real text.
 */
export function countTokens(text: string): number {
  return text ? encode(text).length : 0;
}

/** Chat prompts: each message costs its text plus a few framing tokens, as OpenAI counts them. */
export function countPromptTokens(messages: { content: string }[]): number {
  const FRAMING_PER_MESSAGE = 4;
  const REPLY_PRIMING = 3;
  return (
    messages.reduce((sum, message) => sum + countTokens(message.content) + FRAMING_PER_MESSAGE, 0) +
    REPLY_PRIMING
  );
}
