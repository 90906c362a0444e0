"use client";

import { ArrowLeft, ExternalLink } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { SimpleTooltip } from "@/components/ui/tooltip";
import { gptPath } from "@/lib/gpts/visibility";
import { GPT_EDITOR_FORM_ID } from "./gpt-config-form";
import { GptStatusBadges } from "./gpt-status-badges";
import { SaveStatus } from "./save-status";
import type { PublishedState, SaveState } from "./use-gpt-draft";
import { usePublicUrl } from "./use-public-url";

type EditorHeaderProps = {
  name: string;
  status: "ACTIVE" | "REMOVED";
  published: PublishedState | null;
  hasUnpublishedChanges: boolean;
  saveState: SaveState;
  saveErrorMessage?: string;
  onRetry: () => void;
  onPublishClick: () => void;
};

export function EditorHeader({
  name,
  status,
  published,
  hasUnpublishedChanges,
  saveState,
  saveErrorMessage,
  onRetry,
  onPublishClick,
}: EditorHeaderProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b bg-background px-4 py-2.5 sm:px-6">
      <SimpleTooltip label="My GPTs" side="bottom">
        <Button variant="ghost" size="icon" className="-ml-2" asChild>
          <Link href="/gpts" aria-label="Back to My GPTs">
            <ArrowLeft aria-hidden="true" />
          </Link>
        </Button>
      </SimpleTooltip>
      <GptAvatar name={name} size="md" />
      <div className="grid min-w-0 flex-1 gap-1">
        <h1 className="truncate text-base font-semibold leading-tight">{name}</h1>
        <div className="flex flex-wrap items-center gap-1.5">
          <GptStatusBadges
            status={status}
            published={published}
            hasUnpublishedChanges={hasUnpublishedChanges}
          />
          {published ? <PublishedLinks slug={published.slug} /> : null}
        </div>
      </div>
      <div className="flex w-full items-center gap-2 sm:w-auto">
        <SaveStatus
          state={saveState}
          errorMessage={saveErrorMessage}
          onRetry={onRetry}
          className="mr-auto sm:mr-1"
        />
        {/* Submits the form from outside it, which also makes Enter in a field save. */}
        <Button
          type="submit"
          form={GPT_EDITOR_FORM_ID}
          variant="outline"
          disabled={saveState === "conflict"}
        >
          Save draft
        </Button>
        <Button type="button" onClick={onPublishClick} disabled={status === "REMOVED"}>
          Publish
        </Button>
      </div>
    </div>
  );
}

function PublishedLinks({ slug }: { slug: string }) {
  const url = usePublicUrl(slug);
  return (
    <span className="flex items-center">
      <Button variant="link" size="sm" className="h-6 gap-1 px-1.5 text-xs" asChild>
        <Link href={gptPath(slug)} aria-label="View published GPT">
          View
          <ExternalLink aria-hidden="true" className="size-3" />
        </Link>
      </Button>
      <CopyButton value={url} label="Copy link to GPT" className="size-6" />
    </span>
  );
}
