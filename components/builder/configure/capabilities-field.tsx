"use client";

import { Info } from "lucide-react";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { CAPABILITIES, type CapabilityAvailability } from "@/lib/gpts/capabilities";

const switchId = (key: string) => `gpt-capability-${key}`;

/**
 * One switch per capability. What this instance cannot serve is disabled, with the reason next to
 * it (and read out with the switch). A capability that was on before it became unavailable can
 * still be switched off.
 */
export function CapabilitiesField({
  value,
  availability,
  error,
  onChange,
}: {
  value: string[];
  availability: CapabilityAvailability;
  error?: string;
  onChange: (value: string[]) => void;
}) {
  function toggle(key: string, isOn: boolean) {
    const next = isOn ? [...value, key] : value.filter((item) => item !== key);
    onChange([...new Set(next)].sort());
  }

  return (
    <fieldset
      className="grid gap-3"
      aria-describedby={error ? "gpt-capabilities-error" : "gpt-capabilities-description"}
    >
      {/* The form's "Capabilities" section heading is the visible title. */}
      <legend className="sr-only">Capabilities</legend>
      <p id="gpt-capabilities-description" className="text-sm text-muted-foreground">
        What your GPT can do besides chatting.
      </p>
      <ul className="grid gap-2 rounded-lg border p-1">
        {CAPABILITIES.map((capability) => {
          const id = switchId(capability.key);
          const state = availability[capability.key];
          const isOn = value.includes(capability.key);
          const isDisabled = !state.isAvailable && !isOn;
          return (
            <li
              key={capability.key}
              className="flex items-start gap-3 rounded-md px-3 py-2.5"
              data-testid={`capability-${capability.key}`}
            >
              <div className="grid min-w-0 flex-1 gap-1">
                <Label
                  htmlFor={id}
                  className={isDisabled ? "leading-snug text-muted-foreground" : "leading-snug"}
                >
                  {capability.label}
                </Label>
                <p id={`${id}-description`} className="text-sm text-muted-foreground">
                  {capability.description}
                </p>
                {!state.isAvailable ? (
                  <p
                    id={`${id}-reason`}
                    className="flex items-start gap-1.5 text-sm text-muted-foreground"
                  >
                    <Info aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                    <span>
                      <span className="font-medium text-foreground">Not available: </span>
                      {state.reason}
                    </span>
                  </p>
                ) : null}
              </div>
              <Switch
                id={id}
                checked={isOn}
                disabled={isDisabled}
                className="mt-0.5"
                aria-describedby={
                  state.isAvailable ? `${id}-description` : `${id}-reason ${id}-description`
                }
                aria-invalid={error ? true : undefined}
                onCheckedChange={(checked) => toggle(capability.key, checked)}
              />
            </li>
          );
        })}
      </ul>
      {error ? (
        <p
          id="gpt-capabilities-error"
          role="alert"
          className="text-sm font-medium text-destructive"
        >
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
