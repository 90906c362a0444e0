import type { ModelMessage } from "ai";
import { countTokens } from "../usage/count-tokens";

/** Room left for the answer when trimming history to the model's context window. */
const RESERVED_OUTPUT_TOKENS = 1024;

export function systemPrompt({
  gptName,
  instructions,
}: {
  gptName: string;
  instructions: string;
}): string {
  const intro = `You are "${gptName}", a custom GPT on Atelier. Answer in Markdown.`;
  return instructions.trim() ? `${intro}\n\n${instructions.trim()}` : intro;
}

/**
 * The newest messages that fit the context window next to the system prompt. The latest user
 * message is always kept; older turns are dropped first.
 */
export function fitHistory({
  system,
  history,
  contextWindow,
}: {
  system: string;
  history: { role: "user" | "assistant"; content: string }[];
  contextWindow: number;
}): ModelMessage[] {
  let budget = contextWindow - RESERVED_OUTPUT_TOKENS - countTokens(system);
  const kept: ModelMessage[] = [];
  for (let index = history.length - 1; index >= 0; index--) {
    const message = history[index];
    const cost = countTokens(message.content) + 4;
    if (kept.length > 0 && cost > budget) break;
    budget -= cost;
    kept.unshift({ role: message.role, content: message.content });
  }
  return kept;
}
