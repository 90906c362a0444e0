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

/** Chat limits typed as whole numbers of messages. */
export const CHAT_LIMIT_FIELDS = [
  "chatBurstMessages",
  "chatMessagesPerMinute",
  "chatDailyMessages",
] as const;
export type ChatLimitField = (typeof CHAT_LIMIT_FIELDS)[number];

/** Daily spend caps, typed in dollars ("20.00") and sent as typed: the API parses them exactly. */
export const SPEND_CAP_FIELDS = [
  "gptDailySpendCapDollars",
  "instanceDailySpendCapDollars",
] as const;
export type SpendCapField = (typeof SPEND_CAP_FIELDS)[number];

/** Every field typed into a number box, kept as text until save. */
const NUMBER_FIELDS = [...LIMIT_FIELDS, "actionMaxCallsPerTurn", ...CHAT_LIMIT_FIELDS] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** What the form holds: numbers as typed, so a half-typed number is not lost. */
export type SettingsFormValues = Record<NumberField | SpendCapField, string> & {
  embeddingModelConfigId: string | null;
  /** Already checked and normalised when added (see parseEgressEntry). */
  egressAllowlist: string[];
  /** Comma-separated, as typed. */
  egressAllowedPorts: string;
};

/**
 * Field errors keyed like the API's: `egressAllowlist.2` is the third entry, and any port's error
 * is reported on the single `egressAllowedPorts` box.
 */
export type SettingsFieldErrors = Partial<Record<string, string>>;

export function toSettingsFormValues(settings: InstanceSettingsView): SettingsFormValues {
  return {
    knowledgeMaxFilesPerGpt: String(settings.knowledgeMaxFilesPerGpt),
    knowledgeMaxFileMb: String(settings.knowledgeMaxFileMb),
    knowledgeMaxTokensPerFile: String(settings.knowledgeMaxTokensPerFile),
    knowledgeMaxMbPerCreator: String(settings.knowledgeMaxMbPerCreator),
    embeddingModelConfigId: settings.embeddingModelConfigId,
    egressAllowlist: settings.egressAllowlist,
    egressAllowedPorts: settings.egressAllowedPorts.join(", "),
    actionMaxCallsPerTurn: String(settings.actionMaxCallsPerTurn),
    chatBurstMessages: String(settings.chatBurstMessages),
    chatMessagesPerMinute: String(settings.chatMessagesPerMinute),
    chatDailyMessages: String(settings.chatDailyMessages),
    gptDailySpendCapDollars: settings.gptDailySpendCapDollars,
    instanceDailySpendCapDollars: settings.instanceDailySpendCapDollars,
  };
}

/** The API's own rule for one allowlist entry, so the list only ever holds what it accepts. */
const egressEntrySchema = instanceSettingsInputSchema.shape.egressAllowlist.unwrap().element;

/** Checks one "host:port" entry before it joins the list; returns it as the server stores it. */
export function parseEgressEntry(
  raw: string,
): { isValid: true; entry: string } | { isValid: false; error: string } {
  if (raw.trim() === "") return { isValid: false, error: 'Enter a "host:port" entry.' };
  const parsed = egressEntrySchema.safeParse(raw);
  if (parsed.success) return { isValid: true, entry: parsed.data };
  return { isValid: false, error: parsed.error.issues[0]?.message ?? "Not a valid entry." };
}

/** "8080, 8443" → [8080, 8443]; anything but whole numbers between the commas is an error. */
function parsePorts(raw: string): { ports: number[] } | { error: string } {
  const tokens = raw
    .split(/[\s,]+/)
    .map((token) => token.trim())
    .filter(Boolean);
  if (tokens.some((token) => !/^\d+$/.test(token))) {
    return { error: "Use whole port numbers separated by commas, e.g. 8080, 8443." };
  }
  const ports = [...new Set(tokens.map(Number))];
  if (ports.some((port) => port < 1 || port > 65535)) return { error: "Ports go from 1 to 65535." };
  return { ports };
}

/** Checks the form with the API's own schema, so errors show before a request is made. */
export function parseSettingsForm(
  values: SettingsFormValues,
):
  | { isValid: true; settings: InstanceSettingsView }
  | { isValid: false; fieldErrors: SettingsFieldErrors } {
  const ports = parsePorts(values.egressAllowedPorts);
  const parsed = instanceSettingsInputSchema.safeParse({
    ...values,
    // An empty box would coerce to 0; keep it unreadable so "Enter …" is the message.
    ...Object.fromEntries(
      NUMBER_FIELDS.map((field) => [field, values[field].trim() === "" ? "x" : values[field]]),
    ),
    egressAllowedPorts: "ports" in ports ? ports.ports : [],
  });
  if (parsed.success && "ports" in ports) return { isValid: true, settings: parsed.data };
  const fieldErrors: SettingsFieldErrors = {};
  if ("error" in ports) fieldErrors.egressAllowedPorts = ports.error;
  for (const issue of parsed.error?.issues ?? []) {
    const key = toFieldErrorKey(issue.path.map(String).join("."));
    fieldErrors[key] ??= issue.message;
  }
  return { isValid: false, fieldErrors };
}

/** Maps an API error key to the form's: ports share one box; allowlist entries keep their index. */
export function toFieldErrorKey(key: string): string {
  return key.startsWith("egressAllowedPorts") ? "egressAllowedPorts" : key;
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
