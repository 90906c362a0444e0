import "server-only";
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";

/**
 * The only place that constructs model clients. Any OpenAI-compatible endpoint works (OpenAI,
 * Ollama, vLLM, llama.cpp, LM Studio, OpenRouter). `.chat()` targets /chat/completions: the plain
 * provider call would use the Responses API, which most compatible servers lack.
 */
export function chatModel(options: {
  baseUrl: string;
  apiKey?: string;
  modelId: string;
  /** The egress guard's fetch (lib/ai/model-fetch.ts), unless the endpoint is exempt. */
  fetch?: typeof fetch;
}): LanguageModel {
  const provider = createOpenAI({
    baseURL: options.baseUrl.replace(/\/+$/, ""),
    // Local servers (Ollama, llama.cpp) accept any key; the SDK insists on one.
    apiKey: options.apiKey || "not-needed",
    name: "openai-compatible",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return provider.chat(options.modelId);
}
