"use client";

import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
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
import { type ModelFormPayload, useCreateModel, useUpdateModel } from "@/lib/models/hooks";
import { type ModelKind, microsToDollars, type PublicModelConfig } from "@/lib/models/schemas";
import { SwitchRow } from "./switch-row";
import { useServerFormErrors } from "./use-server-form-errors";

type ModelFormDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** The model to edit; absent to add one. */
  model?: PublicModelConfig;
};

export function ModelFormDialog({ isOpen, onOpenChange, model }: ModelFormDialogProps) {
  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{model ? `Edit ${model.displayName}` : "Add a model"}</DialogTitle>
          <DialogDescription>
            Any OpenAI-compatible endpoint, for chat or for embeddings. The API key is encrypted
            before it is stored and is never shown again.
          </DialogDescription>
        </DialogHeader>
        {/* Mounted only while open, so every opening starts from the saved values. */}
        <ModelForm model={model} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

const FIELD_ORDER = [
  "kind",
  "displayName",
  "baseUrl",
  "modelId",
  "apiKey",
  "inputPricePerMillion",
  "outputPricePerMillion",
  "contextWindow",
] as const;

function ModelForm({ model, onDone }: { model?: PublicModelConfig; onDone: () => void }) {
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const createModel = useCreateModel();
  const updateModel = useUpdateModel();
  const mutation = model ? updateModel : createModel;
  const [kind, setKind] = useState<ModelKind>(model?.kind ?? "CHAT");
  const isChat = kind === "CHAT";
  const [isDefault, setIsDefault] = useState(model?.isDefault ?? false);
  const [isEnabled, setIsEnabled] = useState(model?.isEnabled ?? true);
  const [isEgressExempt, setIsEgressExempt] = useState(model?.isEgressExempt ?? false);
  const [isPremium, setIsPremium] = useState(model?.isPremium ?? false);
  const [shouldRemoveKey, setShouldRemoveKey] = useState(false);
  const { generalMessage, fieldError, clear, fail } = useServerFormErrors(idPrefix, FIELD_ORDER);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const apiKey = text("apiKey").trim();
    const input: ModelFormPayload = {
      kind,
      displayName: text("displayName"),
      baseUrl: text("baseUrl"),
      modelId: text("modelId"),
      apiKey: shouldRemoveKey ? null : apiKey || undefined,
      inputPricePerMillion: text("inputPricePerMillion"),
      outputPricePerMillion: text("outputPricePerMillion"),
      contextWindow: text("contextWindow"),
      // Only a chat model can answer GPTs that did not pick one.
      isDefault: isChat && isDefault && isEnabled,
      isEnabled,
      isEgressExempt,
      isPremium: isChat && isPremium,
    };
    clear();
    const callbacks = {
      onSuccess: (saved: PublicModelConfig) => {
        toast.success(model ? `${saved.displayName} saved.` : `${saved.displayName} added.`);
        onDone();
      },
      onError: fail,
    };
    if (model) updateModel.mutate({ id: model.id, input }, callbacks);
    else createModel.mutate(input, callbacks);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {generalMessage ? (
        <Alert variant="destructive">
          <AlertDescription className="text-destructive">{generalMessage}</AlertDescription>
        </Alert>
      ) : null}

      <Field
        className="content-start"
        id={id("kind")}
        label="Kind"
        error={fieldError("kind")}
        description={
          isChat
            ? "Answers conversations. Creators can pick it for their GPTs."
            : "Turns knowledge files into vectors for meaning-based search (/v1/embeddings). Choose it in Settings; creators never see it."
        }
      >
        <Select
          name="kind"
          value={kind}
          containerClassName="sm:w-64"
          onChange={(event) => setKind(event.target.value as ModelKind)}
        >
          <option value="CHAT">Chat</option>
          <option value="EMBEDDING">Embedding</option>
        </Select>
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          className="content-start"
          id={id("displayName")}
          label="Display name"
          isRequired
          error={fieldError("displayName")}
          description="What creators see when they pick a model."
        >
          <Input
            name="displayName"
            defaultValue={model?.displayName}
            placeholder={isChat ? "GPT-4o mini" : "Text embedding 3 small"}
            required
            maxLength={60}
            autoComplete="off"
          />
        </Field>
        <Field
          className="content-start"
          id={id("modelId")}
          label="Model ID"
          isRequired
          error={fieldError("modelId")}
          description="Exactly as the provider names it."
        >
          <Input
            name="modelId"
            defaultValue={model?.modelId}
            placeholder={isChat ? "gpt-4o-mini" : "text-embedding-3-small"}
            required
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
          />
        </Field>
      </div>

      <Field
        className="content-start"
        id={id("baseUrl")}
        label="Base URL"
        isRequired
        error={fieldError("baseUrl")}
        description="The server's OpenAI-compatible endpoint, usually ending in /v1."
      >
        <Input
          name="baseUrl"
          type="url"
          inputMode="url"
          defaultValue={model?.baseUrl}
          placeholder="https://api.openai.com/v1"
          required
          maxLength={500}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
        />
      </Field>

      <div className="grid gap-2">
        <Field
          className="content-start"
          id={id("apiKey")}
          label="API key"
          error={fieldError("apiKey")}
          description={
            model?.hasApiKey
              ? "A key is stored. Leave blank to keep it, or type a new one to replace it."
              : "Optional for local servers such as Ollama. Stored encrypted."
          }
        >
          <Input
            name="apiKey"
            type="password"
            placeholder={model?.hasApiKey ? "•••• set — leave blank to keep" : "sk-…"}
            autoComplete="new-password"
            spellCheck={false}
            maxLength={500}
            disabled={shouldRemoveKey}
            data-1p-ignore
            data-lpignore="true"
          />
        </Field>
        {model?.hasApiKey ? (
          <label className="flex w-fit items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={shouldRemoveKey}
              onChange={(event) => setShouldRemoveKey(event.target.checked)}
              className="size-4 rounded border-input accent-primary"
            />
            Remove the stored key
          </label>
        ) : null}
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          className="content-start"
          id={id("inputPricePerMillion")}
          label="Input price"
          error={fieldError("inputPricePerMillion")}
          description="$ per 1M input tokens."
        >
          <Input
            name="inputPricePerMillion"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            defaultValue={model ? microsToDollars(model.inputPricePerMillion) : 0}
          />
        </Field>
        <Field
          className="content-start"
          id={id("outputPricePerMillion")}
          label="Output price"
          error={fieldError("outputPricePerMillion")}
          description={isChat ? "$ per 1M output tokens." : "Embeddings have none: leave 0."}
        >
          <Input
            name="outputPricePerMillion"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            defaultValue={model ? microsToDollars(model.outputPricePerMillion) : 0}
          />
        </Field>
        <Field
          className="content-start"
          id={id("contextWindow")}
          label="Context window"
          error={fieldError("contextWindow")}
          description="Tokens the model accepts."
        >
          <Input
            name="contextWindow"
            type="number"
            inputMode="numeric"
            min={1024}
            step={1}
            defaultValue={model?.contextWindow ?? 8192}
          />
        </Field>
      </div>

      <div className="grid gap-3 rounded-lg border bg-muted/30 p-4">
        <SwitchRow
          id={id("isEnabled")}
          label="Enabled"
          description={
            isChat
              ? "Disabled models cannot be picked; their GPTs answer with the default model."
              : "A disabled embedding model is not used: knowledge search falls back to word matching."
          }
          isChecked={isEnabled}
          onChange={setIsEnabled}
        />
        <SwitchRow
          id={id("isDefault")}
          label="Default model"
          description={
            isChat
              ? "Used by GPTs that did not pick a model. Only one model is the default."
              : "Embedding models cannot be the default: they do not answer conversations."
          }
          isChecked={isChat && isDefault && isEnabled}
          isDisabled={!isEnabled || !isChat}
          onChange={setIsDefault}
        />
        {isChat ? (
          <SwitchRow
            id={id("isPremium")}
            label="Premium model"
            description="Answers only for users on a plan that includes premium models; others are told which plan they need."
            isChecked={isPremium}
            onChange={setIsPremium}
          />
        ) : null}
        <SwitchRow
          id={id("isEgressExempt")}
          label="Private network endpoint"
          description="Skips the egress guard for this model's base URL. Turn on only for an endpoint you run (e.g. Ollama on localhost); public providers don't need it."
          isChecked={isEgressExempt}
          onChange={setIsEgressExempt}
        />
      </div>

      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline" disabled={mutation.isPending}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" isLoading={mutation.isPending}>
          {model ? "Save changes" : "Add model"}
        </Button>
      </DialogFooter>
    </form>
  );
}
