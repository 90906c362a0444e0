"use client";

import { Cpu, Plus } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { useAdminModels } from "@/lib/models/hooks";
import type { PublicModelConfig } from "@/lib/models/schemas";
import { ModelCard } from "./model-card";
import { ModelFormDialog } from "./model-form-dialog";
import { ModelsHelp } from "./models-help";

type DialogState = { isOpen: boolean; model?: PublicModelConfig };

export function ModelsManager({ initialModels }: { initialModels: PublicModelConfig[] }) {
  const { data: models } = useAdminModels(initialModels);
  const [dialog, setDialog] = useState<DialogState>({ isOpen: false });
  const openCreate = () => setDialog({ isOpen: true });
  const openEdit = (model: PublicModelConfig) => setDialog({ isOpen: true, model });
  const chatModels = models.filter((model) => model.kind !== "EMBEDDING");
  const embeddingModels = models.filter((model) => model.kind === "EMBEDDING");

  return (
    <>
      <PageHeader
        title="Models"
        description="The chat models GPTs answer with, and what each costs (creators pick from the enabled ones), and the embedding models knowledge search can use."
        actions={
          <Button onClick={openCreate}>
            <Plus aria-hidden="true" /> Add model
          </Button>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="models-list-heading" className="grid h-fit gap-6">
          <h2 id="models-list-heading" className="sr-only">
            Configured models
          </h2>
          {models.length === 0 ? (
            <EmptyState
              icon={Cpu}
              titleAs="h3"
              title="No model is configured"
              description="Chat stays unavailable until you add one. Add any OpenAI-compatible endpoint: OpenAI, a local Ollama, vLLM, LM Studio or OpenRouter."
              action={
                <Button onClick={openCreate}>
                  <Plus aria-hidden="true" /> Add your first model
                </Button>
              }
            />
          ) : (
            <>
              <ModelGroup
                title="Chat models"
                models={chatModels}
                emptyText="No chat model yet: chat stays unavailable until you add one."
                onEdit={openEdit}
              />
              <ModelGroup
                title="Embedding models"
                models={embeddingModels}
                emptyText={
                  <>
                    None: knowledge search matches words only. Add a model of kind Embedding, then
                    choose it in{" "}
                    <Link
                      href="/admin/settings"
                      className="font-medium underline underline-offset-4"
                    >
                      Settings
                    </Link>
                    .
                  </>
                }
                onEdit={openEdit}
              />
            </>
          )}
        </section>
        <ModelsHelp />
      </div>
      <ModelFormDialog
        isOpen={dialog.isOpen}
        model={dialog.model}
        onOpenChange={(isOpen) => setDialog((current) => ({ ...current, isOpen }))}
      />
    </>
  );
}

function ModelGroup({
  title,
  models,
  emptyText,
  onEdit,
}: {
  title: string;
  models: PublicModelConfig[];
  emptyText: ReactNode;
  onEdit: (model: PublicModelConfig) => void;
}) {
  const headingId = `models-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="grid gap-3">
      <h3 id={headingId} className="text-sm font-semibold text-muted-foreground">
        {title}
      </h3>
      {models.length === 0 ? (
        <p className="rounded-xl border border-dashed p-4 text-sm text-muted-foreground">
          {emptyText}
        </p>
      ) : (
        <ul className="grid gap-3">
          {models.map((model) => (
            <ModelCard key={model.id} model={model} onEdit={onEdit} />
          ))}
        </ul>
      )}
    </section>
  );
}
