"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/lib/gpts/api-client";
import { type InstanceSettingsView, instanceSettingsInputSchema } from "@/lib/settings/schemas";

export type { InstanceSettingsView };

export const LIMIT_FIELDS = [
  "knowledgeMaxFilesPerGpt",
  "knowledgeMaxFileMb",
  "knowledgeMaxTokensPerFile",
  "knowledgeMaxMbPerCreator",
] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

/** What the form holds: limits as typed, so a half-typed number is not lost. */
export type SettingsFormValues = Record<LimitField, string> & {
  embeddingModelConfigId: string | null;
};

export function toSettingsFormValues(settings: InstanceSettingsView): SettingsFormValues {
  return {
    knowledgeMaxFilesPerGpt: String(settings.knowledgeMaxFilesPerGpt),
    knowledgeMaxFileMb: String(settings.knowledgeMaxFileMb),
    knowledgeMaxTokensPerFile: String(settings.knowledgeMaxTokensPerFile),
    knowledgeMaxMbPerCreator: String(settings.knowledgeMaxMbPerCreator),
    embeddingModelConfigId: settings.embeddingModelConfigId,
  };
}

/** Checks the form with the API's own schema, so errors show before a request is made. */
export function parseSettingsForm(
  values: SettingsFormValues,
):
  | { isValid: true; settings: InstanceSettingsView }
  | { isValid: false; fieldErrors: Partial<Record<LimitField, string>> } {
  const parsed = instanceSettingsInputSchema.safeParse({
    ...values,
    // An empty box would coerce to 0; keep it unreadable so "Enter …" is the message.
    ...Object.fromEntries(
      LIMIT_FIELDS.map((field) => [field, values[field].trim() === "" ? "x" : values[field]]),
    ),
  });
  if (parsed.success) return { isValid: true, settings: parsed.data };
  const fieldErrors: Partial<Record<LimitField, string>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as LimitField;
    fieldErrors[key] ??= issue.message;
  }
  return { isValid: false, fieldErrors };
}

export const instanceSettingsKeys = { all: ["admin", "settings"] as const };

export function useInstanceSettings(initialData: InstanceSettingsView) {
  return useQuery({
    queryKey: instanceSettingsKeys.all,
    queryFn: () =>
      requestJson<{ settings: InstanceSettingsView }>("/api/admin/settings", {
        method: "GET",
      }).then((result) => result.settings),
    initialData,
  });
}

export function useUpdateInstanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: InstanceSettingsView) =>
      requestJson<{ settings: InstanceSettingsView }>("/api/admin/settings", {
        method: "PUT",
        body: JSON.stringify(settings),
      }).then((result) => result.settings),
    onSuccess: (settings) => queryClient.setQueryData(instanceSettingsKeys.all, settings),
  });
}
