"use client";

import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { useEmbedSettings, useSaveEmbedSettings } from "@/lib/embed/hooks";
import {
  type EmbedPosition,
  type EmbedSettings,
  embedSettingsSchema,
  MAX_GREETING_LENGTH,
  normaliseOrigin,
} from "@/lib/embed/schemas";
import { ApiError } from "@/lib/gpts/api-client";
import { AllowedOriginsField } from "./allowed-origins-field";
import { EmbedSnippets } from "./embed-snippets";

type FormValues = Omit<EmbedSettings, "dailyMessageBudget" | "visitorMessagesPerHour"> & {
  dailyMessageBudget: string;
  visitorMessagesPerHour: string;
};

const toForm = (settings: EmbedSettings): FormValues => ({
  ...settings,
  dailyMessageBudget: String(settings.dailyMessageBudget),
  visitorMessagesPerHour: String(settings.visitorMessagesPerHour),
});

/** Field errors keyed by the first path segment ("allowedOrigins.2" → "allowedOrigins"). */
function byField(fieldErrors: Record<string, string[]>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = path.split(".")[0] ?? path;
    errors[field] ??= messages[0] ?? "";
  }
  return errors;
}

export function EmbedSettingsForm({
  gptId,
  gptName,
  saved,
}: {
  gptId: string;
  gptName: string;
  saved: EmbedSettings;
}) {
  const [values, setValues] = useState(() => toForm(saved));
  const [draftOrigin, setDraftOrigin] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { mutateAsync: save, isPending } = useSaveEmbedSettings();
  const isLive = useEmbedSettings(gptId).data?.settings.isEnabled ?? saved.isEnabled;

  function update(patch: Partial<FormValues>) {
    setValues((current) => ({ ...current, ...patch }));
    setFormError(null);
  }

  /** Adds the typed site; returns the new list, or null when it is not an origin. */
  function withDraftOrigin(): string[] | null {
    if (!draftOrigin.trim()) return values.allowedOrigins;
    const result = normaliseOrigin(draftOrigin);
    if ("error" in result) {
      setErrors((current) => ({ ...current, allowedOrigins: result.error }));
      return null;
    }
    const origins = values.allowedOrigins.includes(result.origin)
      ? values.allowedOrigins
      : [...values.allowedOrigins, result.origin];
    update({ allowedOrigins: origins });
    setDraftOrigin("");
    setErrors(({ allowedOrigins: _dropped, ...rest }) => rest);
    return origins;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A site typed but not added yet is what the creator means to save.
    const allowedOrigins = withDraftOrigin();
    if (!allowedOrigins) return;
    const parsed = embedSettingsSchema.safeParse({
      ...values,
      allowedOrigins,
      dailyMessageBudget: Number(values.dailyMessageBudget),
      visitorMessagesPerHour: Number(values.visitorMessagesPerHour),
    });
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        fieldErrors[issue.path.join(".")] = [issue.message];
      }
      setErrors(byField(fieldErrors));
      return;
    }
    setErrors({});
    try {
      const view = await save({ gptId, settings: parsed.data });
      setValues(toForm(view.settings));
      toast.success(view.settings.isEnabled ? "Embed settings saved" : "Website widget is off");
    } catch (caught) {
      if (caught instanceof ApiError && Object.keys(caught.fieldErrors).length > 0) {
        setErrors(byField(caught.fieldErrors));
      }
      setFormError(caught instanceof Error ? caught.message : "Could not save the settings.");
    }
  }

  return (
    <form className="grid gap-5" onSubmit={handleSubmit} noValidate>
      <div className="flex items-start justify-between gap-4">
        <div className="grid gap-1">
          <Label htmlFor="embed-enabled">Show a chat widget on your website</Label>
          <p id="embed-enabled-description" className="text-sm text-muted-foreground">
            Visitors chat without an account. Their answers count against your plan and credits.
          </p>
          {errors.isEnabled ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {errors.isEnabled}
            </p>
          ) : null}
        </div>
        <Switch
          id="embed-enabled"
          checked={values.isEnabled}
          onCheckedChange={(isEnabled) => update({ isEnabled })}
          aria-describedby="embed-enabled-description"
          disabled={isPending}
        />
      </div>

      <AllowedOriginsField
        origins={values.allowedOrigins}
        draft={draftOrigin}
        onDraftChange={(draft) => {
          setDraftOrigin(draft);
          setErrors(({ allowedOrigins: _dropped, ...rest }) => rest);
        }}
        onAdd={() => withDraftOrigin() !== null}
        onRemove={(origin) =>
          update({ allowedOrigins: values.allowedOrigins.filter((item) => item !== origin) })
        }
        error={errors.allowedOrigins ?? null}
        isDisabled={isPending}
      />

      <div className="grid items-start gap-4 sm:grid-cols-2">
        <Field
          id="embed-daily-budget"
          label="Answers per day"
          description="For all visitors together (UTC day)."
          error={errors.dailyMessageBudget}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            value={values.dailyMessageBudget}
            onChange={(event) => update({ dailyMessageBudget: event.target.value })}
            disabled={isPending}
          />
        </Field>
        <Field
          id="embed-visitor-limit"
          label="Answers per visitor per hour"
          description="Keeps one visitor from using up the day."
          error={errors.visitorMessagesPerHour}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            value={values.visitorMessagesPerHour}
            onChange={(event) => update({ visitorMessagesPerHour: event.target.value })}
            disabled={isPending}
          />
        </Field>
        <Field id="embed-theme-color" label="Colour" error={errors.themeColor}>
          <Input
            type="color"
            className="h-9 w-full cursor-pointer p-1"
            value={values.themeColor}
            onChange={(event) => update({ themeColor: event.target.value })}
            disabled={isPending}
          />
        </Field>
        <Field id="embed-position" label="Bubble position" error={errors.position}>
          <Select
            value={values.position}
            onChange={(event) => update({ position: event.target.value as EmbedPosition })}
            disabled={isPending}
          >
            <option value="RIGHT">Bottom right</option>
            <option value="LEFT">Bottom left</option>
          </Select>
        </Field>
      </div>

      <Field
        id="embed-greeting"
        label="Greeting"
        description="The first message visitors see (optional)."
        error={errors.greeting}
      >
        <Textarea
          value={values.greeting}
          maxLength={MAX_GREETING_LENGTH}
          onChange={(event) => update({ greeting: event.target.value })}
          placeholder={`Hi! Ask ${gptName || "me"} anything.`}
          disabled={isPending}
        />
      </Field>

      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}

      <div className="flex justify-end">
        <Button type="submit" isLoading={isPending}>
          Save embed settings
        </Button>
      </div>

      {isLive ? (
        <EmbedSnippets gptId={gptId} gptName={gptName} />
      ) : (
        <p className="text-sm text-muted-foreground">
          Turn the widget on, list your site and save: the code to paste appears here.
        </p>
      )}
    </form>
  );
}
