"use client";

import { type FormEvent, useId, useState } from "react";
import { useServerFormErrors } from "@/components/admin/use-server-form-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useCreateApiKey } from "@/lib/api-keys/hooks";
import {
  API_KEY_EXPIRY_DAYS,
  API_KEY_SCOPE_LABELS,
  API_KEY_SCOPES,
  type ApiKeyScope,
  type CreateApiKeyInput,
} from "@/lib/api-keys/schemas";

const FIELD_ORDER = ["name", "scopes", "expiresInDays"] as const;
const EXPIRY_LABELS: Record<(typeof API_KEY_EXPIRY_DAYS)[number], string> = {
  7: "7 days",
  30: "30 days",
  90: "90 days",
  365: "1 year",
};

/** Name, scopes and expiry of a new key; resolves with the secret through `onCreated`. */
export function CreateApiKeyDialog({
  isOpen,
  onOpenChange,
  onCreated,
}: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onCreated: (created: { key: string; name: string }) => void;
}) {
  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create an API key</DialogTitle>
          <DialogDescription>
            The key acts as you: it chats on your plan and allowance and reaches only what its
            scopes allow.
          </DialogDescription>
        </DialogHeader>
        {/* Mounted only while open, so every opening starts from an empty form. */}
        <CreateApiKeyForm onCreated={onCreated} />
      </DialogContent>
    </Dialog>
  );
}

function CreateApiKeyForm({
  onCreated,
}: {
  onCreated: (created: { key: string; name: string }) => void;
}) {
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const create = useCreateApiKey();
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["chat"]);
  const { generalMessage, fieldError, clear, fail } = useServerFormErrors(idPrefix, FIELD_ORDER);

  function toggleScope(scope: ApiKeyScope, isChecked: boolean) {
    setScopes((current) =>
      isChecked ? [...current, scope] : current.filter((value) => value !== scope),
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expiry = String(form.get("expiresInDays") ?? "");
    const input: CreateApiKeyInput = {
      name: String(form.get("name") ?? ""),
      // In the order the form lists them, whatever order they were ticked in.
      scopes: API_KEY_SCOPES.filter((scope) => scopes.includes(scope)),
      expiresInDays: expiry ? (Number(expiry) as CreateApiKeyInput["expiresInDays"]) : null,
    };
    clear();
    create.mutate(input, {
      onSuccess: (created) => onCreated({ key: created.key, name: created.apiKey.name }),
      onError: fail,
    });
  }

  const scopesError = fieldError("scopes");
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {generalMessage ? (
        <Alert variant="destructive">
          <AlertDescription className="text-destructive">{generalMessage}</AlertDescription>
        </Alert>
      ) : null}
      <Field
        id={id("name")}
        label="Name"
        description="To tell your keys apart, e.g. “Website chatbot” or “CI deploys”."
        error={fieldError("name")}
        isRequired
      >
        <Input name="name" required maxLength={80} autoComplete="off" data-1p-ignore />
      </Field>
      <fieldset
        className="grid gap-3"
        aria-describedby={scopesError ? id("scopes-error") : undefined}
      >
        <legend className="mb-1 text-sm font-medium">Scopes</legend>
        {API_KEY_SCOPES.map((scope, index) => (
          <label key={scope} className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              // The first box takes the fieldset's id, so a refusal moves focus to it.
              id={index === 0 ? id("scopes") : undefined}
              checked={scopes.includes(scope)}
              onChange={(event) => toggleScope(scope, event.target.checked)}
              aria-invalid={scopesError ? true : undefined}
              className="mt-0.5 size-4 shrink-0 rounded border-input accent-primary"
            />
            <span className="grid gap-0.5">
              <span className="font-medium">
                {API_KEY_SCOPE_LABELS[scope].label}{" "}
                <code className="text-xs font-normal text-muted-foreground">{scope}</code>
              </span>
              <span className="text-muted-foreground">
                {API_KEY_SCOPE_LABELS[scope].description}
              </span>
            </span>
          </label>
        ))}
        {scopesError ? (
          <p id={id("scopes-error")} role="alert" className="text-sm font-medium text-destructive">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <Field
        id={id("expiresInDays")}
        label="Expires"
        description="An expired key stops working; create a new one then."
        error={fieldError("expiresInDays")}
      >
        <Select name="expiresInDays" defaultValue="">
          <option value="">Never</option>
          {API_KEY_EXPIRY_DAYS.map((days) => (
            <option key={days} value={days}>
              In {EXPIRY_LABELS[days]}
            </option>
          ))}
        </Select>
      </Field>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" isLoading={create.isPending}>
          Create key
        </Button>
      </DialogFooter>
    </form>
  );
}
