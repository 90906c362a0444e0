"use client";

import { Plus, X } from "lucide-react";
import { type KeyboardEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  parseEgressEntry,
  type SettingsFieldErrors,
} from "@/lib/knowledge/client/instance-settings";
import { cn } from "@/lib/utils/cn";
import { SettingsNumberField } from "./settings-input-field";

const LIST_ID = "settings-egressAllowlist";
const MAX_ENTRIES = 100;

function focusById(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * The egress guard's allowlist ("host:port" entries, each checked with the API's rule before it
 * joins the list) and the extra public ports. Saved with the rest of the form.
 */
export function SettingsEgressFields({
  allowlist,
  ports,
  fieldErrors,
  onAllowlistChange,
  onPortsChange,
}: {
  allowlist: string[];
  ports: string;
  fieldErrors: SettingsFieldErrors;
  onAllowlistChange: (allowlist: string[]) => void;
  onPortsChange: (ports: string) => void;
}) {
  const [draft, setDraft] = useState("");
  const [draftError, setDraftError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const hasEntryErrors = allowlist.some((_, index) => fieldErrors[`egressAllowlist.${index}`]);
  const listError =
    draftError ??
    fieldErrors.egressAllowlist ??
    (hasEntryErrors ? "Fix or remove the highlighted entries." : null);
  const descriptionId = `${LIST_ID}-description`;
  const errorId = `${LIST_ID}-error`;

  function add() {
    const parsed = parseEgressEntry(draft);
    const error = !parsed.isValid
      ? parsed.error
      : allowlist.includes(parsed.entry)
        ? `${parsed.entry} is already listed.`
        : allowlist.length >= MAX_ENTRIES
          ? `At most ${MAX_ENTRIES} entries.`
          : null;
    if (error || !parsed.isValid) {
      setDraftError(error);
      focusById(LIST_ID);
      return;
    }
    onAllowlistChange([...allowlist, parsed.entry]);
    setDraft("");
    setDraftError(null);
    setStatus(`Added ${parsed.entry}.`);
  }

  function remove(index: number) {
    const entry = allowlist[index];
    const next = allowlist.filter((_, position) => position !== index);
    onAllowlistChange(next);
    setStatus(`Removed ${entry}.`);
    // Keep keyboard focus in the list: the row that took this one's place, else the input.
    focusById(next.length > 0 ? `${LIST_ID}-remove-${Math.min(index, next.length - 1)}` : LIST_ID);
  }

  function onDraftKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault(); // Enter adds the entry; it must not submit the whole form.
    add();
  }

  return (
    <div className="grid gap-5">
      <div className="grid gap-2" data-testid="egress-allowlist">
        <Label htmlFor={LIST_ID}>Allowed private hosts</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id={LIST_ID}
            value={draft}
            placeholder="10.0.0.5:8080"
            autoComplete="off"
            spellCheck={false}
            maxLength={300}
            className="font-mono sm:max-w-sm"
            aria-describedby={listError ? `${descriptionId} ${errorId}` : descriptionId}
            aria-invalid={listError ? true : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              setDraftError(null);
            }}
            onKeyDown={onDraftKeyDown}
          />
          <Button type="button" variant="outline" onClick={add} className="sm:w-auto">
            <Plus aria-hidden="true" /> Add
          </Button>
        </div>
        <p id={descriptionId} className="text-sm text-muted-foreground">
          Exact “host:port” pairs actions and models may reach even though they resolve to a private
          address, e.g. an API on your network. Entries from EGRESS_ALLOWLIST apply too.
        </p>
        {listError ? (
          <p id={errorId} role="alert" className="text-sm font-medium text-destructive">
            {listError}
          </p>
        ) : null}
        {allowlist.length === 0 ? (
          <p className="rounded-md border border-dashed px-3 py-2 text-sm text-muted-foreground">
            No private hosts are allowed.
          </p>
        ) : (
          <ul aria-label="Allowed private hosts" className="grid gap-2">
            {allowlist.map((entry, index) => {
              const error = fieldErrors[`egressAllowlist.${index}`];
              const entryErrorId = `${LIST_ID}-${index}-error`;
              return (
                <li
                  key={entry}
                  className={cn(
                    "grid gap-1 rounded-md border bg-background px-3 py-1.5",
                    error && "border-destructive",
                  )}
                >
                  <div className="flex items-center justify-between gap-2">
                    <span className="min-w-0 font-mono text-sm break-all">{entry}</span>
                    <Button
                      id={`${LIST_ID}-remove-${index}`}
                      type="button"
                      variant="ghost"
                      size="icon"
                      className="size-8 shrink-0"
                      aria-label={`Remove ${entry}`}
                      aria-describedby={error ? entryErrorId : undefined}
                      onClick={() => remove(index)}
                    >
                      <X aria-hidden="true" />
                    </Button>
                  </div>
                  {error ? (
                    <p id={entryErrorId} className="text-sm font-medium text-destructive">
                      {error}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <p role="status" className="sr-only">
          {status}
        </p>
      </div>
      <Field
        id="settings-egressAllowedPorts"
        className="content-start"
        label="Extra ports"
        error={fieldErrors.egressAllowedPorts}
        description="Ports allowed on public hosts besides 80 and 443, separated by commas. Leave empty for none."
      >
        <Input
          name="egressAllowedPorts"
          value={ports}
          placeholder="8080, 8443"
          autoComplete="off"
          spellCheck={false}
          className="tabular-nums sm:max-w-sm"
          onChange={(event) => onPortsChange(event.target.value)}
        />
      </Field>
    </div>
  );
}

/** How many action calls the model may make while writing one answer. */
export function SettingsActionCallsField({
  value,
  error,
  onChange,
}: {
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <SettingsNumberField
      name="actionMaxCallsPerTurn"
      label="Calls per answer"
      description="The most API calls a GPT’s actions may make for one answer, from 1 to 50. Past it, the model is told to answer with what it has."
      error={error}
      min={1}
      max={50}
      value={value}
      onChange={onChange}
    />
  );
}
