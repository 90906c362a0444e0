/** DailySpend scopes: the whole instance, and one GPT. */
export const INSTANCE_SPEND_SCOPE = "instance";

export function gptSpendScope(gptId: string): string {
  return `gpt:${gptId}`;
}
