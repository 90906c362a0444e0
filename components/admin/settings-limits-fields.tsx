import type { LimitField, SettingsFormValues } from "@/lib/knowledge/client/instance-settings";
import { SettingsNumberField } from "./settings-input-field";

const LIMITS: { name: LimitField; label: string; unit?: string; description: string }[] = [
  {
    name: "knowledgeMaxFilesPerGpt",
    label: "Files per GPT",
    description: "The most knowledge files one GPT’s draft can have.",
  },
  {
    name: "knowledgeMaxFileMb",
    label: "File size",
    unit: "MB",
    description: "The largest single upload.",
  },
  {
    name: "knowledgeMaxTokensPerFile",
    label: "Tokens per file",
    description:
      "The longest text a file may contain once extracted; longer files fail with the reason.",
  },
  {
    name: "knowledgeMaxMbPerCreator",
    label: "Storage per creator",
    unit: "MB",
    description: "The total size of one creator’s knowledge files across all their GPTs.",
  },
];

/** The four knowledge limits; each value is kept as typed and checked on save. */
export function SettingsLimitsFields({
  values,
  fieldErrors,
  onChange,
}: {
  values: SettingsFormValues;
  fieldErrors: Partial<Record<string, string>>;
  onChange: (field: LimitField, value: string) => void;
}) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {LIMITS.map((limit) => (
        <SettingsNumberField
          key={limit.name}
          name={limit.name}
          label={limit.unit ? `${limit.label} (${limit.unit})` : limit.label}
          description={limit.description}
          error={fieldErrors[limit.name]}
          min={1}
          value={values[limit.name]}
          onChange={(value) => onChange(limit.name, value)}
        />
      ))}
    </div>
  );
}
