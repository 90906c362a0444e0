import type { ReactNode } from "react";
import type {
  ChatLimitField,
  SettingsFormValues,
  SpendCapField,
} from "@/lib/knowledge/client/instance-settings";
import { formatMicrosAsUsd } from "@/lib/models/pricing";
import { SettingsInputField, SettingsNumberField } from "./settings-input-field";

const MESSAGE_LIMITS: {
  name: ChatLimitField;
  label: string;
  min: number;
  max: number;
  description: string;
}[] = [
  {
    name: "chatBurstMessages",
    label: "Messages at once",
    min: 1,
    max: 1000,
    description:
      "How many messages one user may send in quick succession before the per-minute rate applies, from 1 to 1,000.",
  },
  {
    name: "chatMessagesPerMinute",
    label: "Messages per minute",
    min: 1,
    max: 10_000,
    description:
      "The steady rate per user once the burst is used, from 1 to 10,000. The burst refills at this rate.",
  },
  {
    name: "chatDailyMessages",
    label: "Messages per day",
    min: 0,
    max: 1_000_000,
    description:
      "How many messages one user may send in a UTC day, up to 1,000,000; renewed at midnight UTC. 0 means unlimited.",
  },
];

const SPEND_CAPS: { name: SpendCapField; label: string; description: string }[] = [
  {
    name: "gptDailySpendCapDollars",
    label: "Daily spend per GPT (US$)",
    description:
      "Model cost one GPT may run up in a UTC day, across all its users. Once reached, it answers again after midnight UTC. 0 means no cap.",
  },
  {
    name: "instanceDailySpendCapDollars",
    label: "Daily spend for the instance (US$)",
    description:
      "Model cost of every GPT together in a UTC day. Once reached, no chat starts until midnight UTC. 0 means no cap.",
  },
];

function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    // min-w-0: a fieldset is as wide as its content by default, which overflows at 390 px.
    <fieldset className="min-w-0">
      <legend className="mb-4 text-sm font-semibold">{legend}</legend>
      <div className="grid gap-5 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/**
 * Per-user message limits and the daily spend caps. Values are kept as typed and checked on save;
 * amounts in dollars are parsed exactly (no floats) by the API's schema.
 */
export function SettingsChatLimitsFields({
  values,
  fieldErrors,
  instanceSpendTodayMicros,
  onChange,
}: {
  values: SettingsFormValues;
  fieldErrors: Partial<Record<string, string>>;
  /** Shown beside the instance cap when known. */
  instanceSpendTodayMicros?: number;
  onChange: (field: ChatLimitField | SpendCapField, value: string) => void;
}) {
  const spentToday =
    instanceSpendTodayMicros === undefined
      ? ""
      : ` Spent so far today: ${formatMicrosAsUsd(instanceSpendTodayMicros)}.`;
  return (
    <div className="grid gap-6">
      <FieldGroup legend="Messages per user">
        {MESSAGE_LIMITS.map((limit) => (
          <SettingsNumberField
            key={limit.name}
            name={limit.name}
            label={limit.label}
            description={limit.description}
            error={fieldErrors[limit.name]}
            min={limit.min}
            max={limit.max}
            value={values[limit.name]}
            onChange={(value) => onChange(limit.name, value)}
          />
        ))}
      </FieldGroup>
      <FieldGroup legend="Daily spend caps">
        {SPEND_CAPS.map((cap) => (
          <SettingsInputField
            key={cap.name}
            name={cap.name}
            label={cap.label}
            description={
              cap.name === "instanceDailySpendCapDollars"
                ? `${cap.description}${spentToday}`
                : cap.description
            }
            error={fieldErrors[cap.name]}
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            placeholder="20.00"
            value={values[cap.name]}
            onChange={(value) => onChange(cap.name, value)}
          />
        ))}
      </FieldGroup>
    </div>
  );
}
