"use client";

import { Bot, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useBuilderHistory } from "@/lib/builder/hooks";
import type { GptDraftController } from "../use-gpt-draft";
import { BuilderChat } from "./builder-chat";

type CreateTabProps = {
  draft: GptDraftController;
  categories: { id: string; name: string }[];
  /** False when the instance has no enabled model: the builder cannot answer. */
  hasModel: boolean;
  isAdmin: boolean;
  onBusyChange: (isBusy: boolean) => void;
};

/** Building by conversation: the builder chat, or why it is unavailable. */
export function CreateTab({ draft, categories, hasModel, isAdmin, onBusyChange }: CreateTabProps) {
  // The chat keeps itself up to date; history is loaded once, for a GPT that existed on open.
  const [initialGptId] = useState(() => draft.gpt?.id ?? null);
  const history = useBuilderHistory(hasModel ? initialGptId : null);

  if (!hasModel) {
    return (
      <div className="px-4 py-6 sm:px-6" data-testid="builder-unavailable">
        <EmptyState
          icon={Bot}
          titleAs="h3"
          title="Building by conversation is unavailable"
          description={
            isAdmin
              ? "No model is configured on this Atelier instance, so the GPT Builder cannot answer. Add a model, or fill in the Configure tab yourself."
              : "No model is configured on this Atelier instance, so the GPT Builder cannot answer. An administrator can add one; meanwhile, fill in the Configure tab yourself."
          }
          action={
            isAdmin ? (
              <Button asChild>
                <Link href="/admin/models">Add a model in Admin → Models</Link>
              </Button>
            ) : null
          }
        />
      </div>
    );
  }

  if (initialGptId && history.isPending) {
    return (
      <div className="grid gap-5 px-4 py-6" aria-busy="true">
        <Spinner label="Loading the builder chat" className="sr-only" />
        <Skeleton className="ml-auto h-10 w-2/3 rounded-2xl" />
        <Skeleton className="h-20 w-5/6" />
        <Skeleton className="ml-auto h-10 w-1/2 rounded-2xl" />
      </div>
    );
  }

  if (history.isError) {
    return (
      <div className="px-4 py-6">
        <Alert variant="destructive" className="flex flex-wrap items-center justify-between gap-3">
          <span>The builder chat could not be loaded. {history.error.message}</span>
          <Button size="sm" variant="outline" onClick={() => void history.refetch()}>
            <RotateCcw className="size-3.5" aria-hidden /> Retry
          </Button>
        </Alert>
      </div>
    );
  }

  return (
    <BuilderChat
      draft={draft}
      categories={categories}
      initialMessages={history.data?.messages ?? []}
      initialChanges={history.data?.changes ?? []}
      conversationId={history.data?.conversationId ?? null}
      onBusyChange={onBusyChange}
    />
  );
}
