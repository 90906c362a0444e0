"use client";

import { Binary, Gem, KeyRound, MessageSquare, Network, Pencil, Star } from "lucide-react";
import { useId } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useUpdateModel } from "@/lib/models/hooks";
import { formatPricePerMillion } from "@/lib/models/pricing";
import type { PublicModelConfig } from "@/lib/models/schemas";

const integer = new Intl.NumberFormat("en-US");

type ModelCardProps = {
  model: PublicModelConfig;
  onEdit: (model: PublicModelConfig) => void;
};

export function ModelCard({ model, onEdit }: ModelCardProps) {
  const switchId = useId();
  const mutation = useUpdateModel();
  const pending = mutation.isPending ? mutation.variables?.input : undefined;
  // While a toggle is in flight (and the list refetches), show the state being saved.
  const isEnabled = pending?.isEnabled ?? model.isEnabled;

  function update(input: { isEnabled?: boolean; isDefault?: boolean }, success: string) {
    mutation.mutate(
      { id: model.id, input },
      {
        onSuccess: () => toast.success(success),
        onError: (error) => toast.error(error.message),
      },
    );
  }

  return (
    <li
      className="grid gap-4 rounded-xl border bg-card p-4 shadow-xs sm:p-5 data-[disabled=true]:bg-muted/30"
      data-disabled={!model.isEnabled}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold leading-tight">{model.displayName}</h3>
            {model.kind === "EMBEDDING" ? (
              <Badge variant="outline">
                <Binary aria-hidden="true" /> Embedding
              </Badge>
            ) : (
              <Badge variant="outline">
                <MessageSquare aria-hidden="true" /> Chat
              </Badge>
            )}
            {model.isDefault && model.kind === "CHAT" ? (
              <Badge>
                <Star aria-hidden="true" /> Default
              </Badge>
            ) : null}
            {model.isPremium ? (
              <Badge variant="outline" title="Only for plans that include premium models.">
                <Gem aria-hidden="true" /> Premium
              </Badge>
            ) : null}
            {model.isEgressExempt ? (
              <Badge variant="warning" title="Requests to this base URL skip the egress guard.">
                <Network aria-hidden="true" /> Private endpoint
              </Badge>
            ) : null}
            {model.isEnabled ? (
              <Badge variant="success">Enabled</Badge>
            ) : (
              <Badge variant="secondary">Disabled</Badge>
            )}
          </div>
          <p className="font-mono text-xs break-all text-muted-foreground">{model.modelId}</p>
        </div>
        <div className="flex items-center gap-3">
          <div className="flex items-center gap-2">
            <Switch
              id={switchId}
              aria-label={`Enabled: ${model.displayName}`}
              checked={isEnabled}
              disabled={mutation.isPending}
              onCheckedChange={(checked) =>
                update(
                  { isEnabled: checked },
                  checked ? `${model.displayName} enabled.` : `${model.displayName} disabled.`,
                )
              }
            />
            <Label htmlFor={switchId} className="font-normal text-muted-foreground">
              Enabled
            </Label>
          </div>
          <Button
            variant="outline"
            size="sm"
            onClick={() => onEdit(model)}
            aria-label={`Edit ${model.displayName}`}
          >
            <Pencil aria-hidden="true" /> Edit
          </Button>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-4">
        <div className="col-span-2 grid gap-0.5 sm:col-span-4">
          <dt className="text-xs text-muted-foreground">Base URL</dt>
          <dd className="font-mono text-xs break-all">{model.baseUrl}</dd>
        </div>
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">Input / 1M tokens</dt>
          <dd className="tabular-nums">{formatPricePerMillion(model.inputPricePerMillion)}</dd>
        </div>
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">Output / 1M tokens</dt>
          <dd className="tabular-nums">{formatPricePerMillion(model.outputPricePerMillion)}</dd>
        </div>
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">Context window</dt>
          <dd className="tabular-nums">{integer.format(model.contextWindow)} tokens</dd>
        </div>
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">API key</dt>
          <dd className="flex items-center gap-1.5">
            <KeyRound aria-hidden="true" className="size-3.5 text-muted-foreground" />
            {model.hasApiKey ? "Set" : "None"}
          </dd>
        </div>
      </dl>

      {model.isEnabled && !model.isDefault && model.kind === "CHAT" ? (
        <div className="-mt-1">
          <Button
            variant="link"
            size="sm"
            className="h-auto px-0"
            disabled={mutation.isPending}
            onClick={() => update({ isDefault: true }, `${model.displayName} is now the default.`)}
          >
            Make default
            <span className="sr-only"> ({model.displayName})</span>
          </Button>
        </div>
      ) : null}
    </li>
  );
}
