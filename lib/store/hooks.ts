"use client";

import { useMutation } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";

export function useFeatureGpt() {
  return useMutation({
    mutationFn: ({ gptId, featured }: { gptId: string; featured: boolean }) =>
      requestJson<{ gpt: { id: string; featuredAt: string | null } }>(
        `/api/admin/gpts/${encodeURIComponent(gptId)}/feature`,
        { method: "POST", body: { featured } },
      ).then((result) => result.gpt),
  });
}
