"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { MessageFeedbackState } from "../chat/schemas";
import type { GptFeedbackList, SetMessageFeedbackBody } from "./schemas";

export const feedbackKeys = {
  all: ["feedback"] as const,
  gpt: (gptId: string) => [...feedbackKeys.all, "gpt", gptId] as const,
};

async function json<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const fieldErrors = body?.error?.fieldErrors as Record<string, string[]> | undefined;
    const detail = fieldErrors ? Object.values(fieldErrors).flat()[0] : undefined;
    throw new Error(detail ?? body?.error?.message ?? "Request failed. Please try again.");
  }
  return body as T;
}

/** Sets the thumb (and note) when `input` is given, removes it when it is null. */
export function useSaveMessageFeedback(messageId: string) {
  return useMutation({
    mutationKey: [...feedbackKeys.all, "message", messageId],
    mutationFn: async (input: SetMessageFeedbackBody | null) => {
      // Literal /api paths at each fetch (see tests/unit/security/no-raw-outbound-requests.test.ts).
      if (!input) {
        await json(
          await fetch(`/api/messages/${encodeURIComponent(messageId)}/feedback`, {
            method: "DELETE",
          }),
        );
        return null;
      }
      const result = await json<{ feedback: MessageFeedbackState }>(
        await fetch(`/api/messages/${encodeURIComponent(messageId)}/feedback`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(input),
        }),
      );
      return result.feedback;
    },
  });
}

/** A GPT's feedback for its creator (read while the dialog is open). */
export function useGptFeedback(gptId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: feedbackKeys.gpt(gptId),
    queryFn: async () =>
      json<GptFeedbackList>(await fetch(`/api/gpts/${encodeURIComponent(gptId)}/feedback`)),
    enabled: isEnabled,
  });
}
