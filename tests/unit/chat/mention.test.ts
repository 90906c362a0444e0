import { describe, expect, it } from "vitest";
import { systemPrompt } from "@/lib/chat/build-prompt";
import { activeMention, removeMentionToken } from "@/lib/chat/mention-query";
import { chatRequestSchema, mentionOf, textOf } from "@/lib/chat/schemas";

describe("[CHAT]: the @mention being typed", () => {
  it("finds an @ at the start or after a space, with the text typed after it", () => {
    expect(activeMention("@", 1)).toEqual({ start: 0, end: 1, query: "" });
    expect(activeMention("hello @Cod", 10)).toEqual({ start: 6, end: 10, query: "Cod" });
    expect(activeMention("line\n@tu", 8)).toEqual({ start: 5, end: 8, query: "tu" });
  });

  it("ignores e-mail addresses, finished words and an @ after the caret", () => {
    expect(activeMention("me@example.com", 14)).toBeNull();
    expect(activeMention("@code tutor", 11)).toBeNull();
    expect(activeMention("hello @code", 3)).toBeNull();
    expect(activeMention("plain text", 10)).toBeNull();
    expect(activeMention(`@${"x".repeat(41)}`, 42)).toBeNull();
  });

  it("removes the @query when a GPT is picked, without leaving a double space", () => {
    expect(removeMentionToken("ask @cod now", { start: 4, end: 8 })).toEqual({
      text: "ask now",
      caret: 3,
    });
    expect(removeMentionToken("@cod", { start: 0, end: 4 })).toEqual({ text: "", caret: 0 });
    expect(removeMentionToken("hi @b", { start: 3, end: 5 })).toEqual({ text: "hi", caret: 2 });
  });
});

describe("[CHAT]: the mention in a chat request and a stored message", () => {
  it("accepts an optional mentioned GPT id and refuses an empty one", () => {
    const base = { gptId: "g1", message: { text: "Hi" } };
    expect(chatRequestSchema.parse(base).mentionGptId).toBeUndefined();
    expect(chatRequestSchema.parse({ ...base, mentionGptId: "g2" }).mentionGptId).toBe("g2");
    expect(chatRequestSchema.safeParse({ ...base, mentionGptId: " " }).success).toBe(false);
  });

  it("reads the mention part and keeps it out of the text the model sees", () => {
    const parts = [
      { type: "text", text: "What do you think?" },
      { type: "data-mention", data: { gptId: "g2", name: "Bravo" } },
    ];
    expect(mentionOf(parts)).toEqual({ gptId: "g2", name: "Bravo" });
    expect(textOf(parts)).toBe("What do you think?");
    expect(mentionOf([{ type: "text", text: "x" }])).toBeNull();
    expect(mentionOf([{ type: "data-mention", data: { gptId: 3 } }])).toBeNull();
    expect(mentionOf("not parts")).toBeNull();
  });

  it("tells a mentioned GPT whose conversation it joined, before its own instructions", () => {
    const prompt = systemPrompt({
      gptName: "Bravo",
      instructions: "INSTR-BRAVO",
      hostGptName: "Alpha",
    });
    expect(prompt).toMatch(/^You are "Bravo"/);
    expect(prompt).toContain('conversation with another GPT, "Alpha"');
    expect(prompt.indexOf("Alpha")).toBeLessThan(prompt.indexOf("INSTR-BRAVO"));
    expect(systemPrompt({ gptName: "Alpha", instructions: "x" })).not.toContain("mentioning");
  });
});
