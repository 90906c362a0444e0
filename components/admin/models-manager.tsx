"use client";

import { Cpu, Plus } from "lucide-react";
import { useState } from "react";
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

  return (
    <>
      <PageHeader
        title="Models"
        description="The chat models GPTs answer with, and what each costs. Creators pick from the enabled ones."
        actions={
          <Button onClick={openCreate}>
            <Plus aria-hidden="true" /> Add model
          </Button>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="models-list-heading" className="grid h-fit gap-3">
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
            <ul className="grid gap-3">
              {models.map((model) => (
                <ModelCard
                  key={model.id}
                  model={model}
                  onEdit={(selected) => setDialog({ isOpen: true, model: selected })}
                />
              ))}
            </ul>
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
