"use client";

import {
  ArrowLeft,
  Download,
  Ellipsis,
  ExternalLink,
  EyeOff,
  History,
  MessageSquareText,
  Share2,
} from "lucide-react";
import Link from "next/link";
import { type MouseEvent, useRef, useState } from "react";
import { ExportGptDialog } from "@/components/builder/export-gpt-dialog";
import { GptFeedbackDialog } from "@/components/builder/feedback/gpt-feedback-dialog";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { SimpleTooltip } from "@/components/ui/tooltip";
import type { GptStatus } from "@/lib/gpts/policy";
import type { PublishGptInput } from "@/lib/gpts/schemas";
import { type GptVisibility, gptPath } from "@/lib/gpts/visibility";
import { useGptModerationState } from "@/lib/moderation/hooks";
import { reasonForStatus } from "@/lib/moderation/labels";
import { GPT_EDITOR_FORM_ID } from "./gpt-config-form";
import { GptStatusBadges } from "./gpt-status-badges";
import { PublishDialog } from "./publish-dialog";
import { SaveStatus } from "./save-status";
import { ShareDialog } from "./sharing/share-dialog";
import type { GptDraftController, PublishedState, SaveState } from "./use-gpt-draft";
import { usePublicUrl } from "./use-public-url";
import { UnpublishDialog } from "./versions/unpublish-dialog";
import { useVersionActions } from "./versions/use-version-actions";
import { VersionsDialog } from "./versions/versions-dialog";

type EditorHeaderProps = {
  name: string;
  /** The draft's picture (or its initials colour). */
  avatar?: { src: string | null; color: string | null };
  status: GptStatus;
  published: PublishedState | null;
  hasUnpublishedChanges: boolean;
  saveState: SaveState;
  saveErrorMessage?: string;
  onRetry: () => void;
  /** Publishing, restoring a version and unpublishing go through the editor's draft controller. */
  draft: GptDraftController;
  /** Visibility when the editor loaded; it is a live setting (Share), not part of a version. */
  initialVisibility: GptVisibility;
  /** After a publish, restore or unpublish: what is live changed. */
  onVersionChange?: () => void;
};

type OpenDialog = "publish" | "versions" | "share" | "unpublish" | "export" | "feedback" | null;

export function EditorHeader({
  name,
  avatar,
  status,
  published,
  hasUnpublishedChanges,
  saveState,
  saveErrorMessage,
  onRetry,
  draft,
  initialVisibility,
  onVersionChange,
}: EditorHeaderProps) {
  const [openDialog, setOpenDialog] = useState<OpenDialog>(null);
  // The dialogs are controlled, not opened by a Radix trigger, so they cannot return focus by
  // themselves (a menu item is gone by the time they close): remember where to put it back.
  const moreActionsRef = useRef<HTMLButtonElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const [visibility, setVisibility] = useState(initialVisibility);
  const gpt = draft.gpt;
  // The live moderation state (publishing may send the listing to review; a moderator may act
  // while the editor is open); the status the page loaded with until it arrives.
  const moderation = useGptModerationState(gpt?.id ?? null);
  const liveStatus = moderation.data?.status ?? status;
  const versionActions = useVersionActions(draft);
  const restore: typeof versionActions.restore = async (...args) => {
    const result = await versionActions.restore(...args);
    onVersionChange?.();
    return result;
  };
  const unpublish: typeof versionActions.unpublish = async (...args) => {
    const result = await versionActions.unpublish(...args);
    onVersionChange?.();
    return result;
  };
  const gptName = draft.values.name.trim();

  function openFrom(dialog: Exclude<OpenDialog, null>, origin: HTMLElement | null) {
    returnFocusRef.current = origin;
    setOpenDialog(dialog);
  }
  const openFromMenu = (dialog: Exclude<OpenDialog, null>) =>
    openFrom(dialog, moreActionsRef.current);
  const openFromButton = (dialog: Exclude<OpenDialog, null>) => (event: MouseEvent<HTMLElement>) =>
    openFrom(dialog, event.currentTarget);

  const dialogProps = (dialog: Exclude<OpenDialog, null>) => ({
    open: openDialog === dialog,
    onOpenChange: (open: boolean) => {
      setOpenDialog(open ? dialog : null);
      if (open) return;
      // After Radix's own focus handling, once the dialog has unmounted.
      requestAnimationFrame(() => {
        const target = returnFocusRef.current;
        // A button hidden at this width (Versions on phones) cannot take focus: use the menu.
        (target?.offsetParent ? target : moreActionsRef.current)?.focus();
      });
    },
  });

  async function publish(input: PublishGptInput) {
    const result = await draft.publish(input);
    setVisibility(result.visibility);
    onVersionChange?.();
    return result;
  }

  function changeVisibility(next: GptVisibility) {
    setVisibility(next);
    if (draft.published) draft.setPublished({ ...draft.published, visibility: next });
  }

  return (
    <div
      data-testid="editor-header"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b bg-background px-4 py-2.5 sm:px-6"
    >
      <SimpleTooltip label="My GPTs" side="bottom">
        <Button variant="ghost" size="icon" className="-ml-2" asChild>
          <Link href="/gpts" aria-label="Back to My GPTs">
            <ArrowLeft aria-hidden="true" />
          </Link>
        </Button>
      </SimpleTooltip>
      <GptAvatar name={name} src={avatar?.src} color={avatar?.color} size="md" />
      <div className="grid min-w-0 flex-1 gap-1">
        <h1 className="truncate text-base font-semibold leading-tight">{name}</h1>
        <div className="flex flex-wrap items-center gap-1.5">
          <GptStatusBadges
            status={liveStatus}
            published={published}
            hasUnpublishedChanges={hasUnpublishedChanges}
            moderationReason={reasonForStatus(liveStatus, moderation.data?.latestDecision)}
          />
          {published ? <PublishedLinks slug={published.slug} /> : null}
        </div>
      </div>
      <div className="flex w-full items-center gap-1.5 sm:w-auto sm:gap-2">
        <SaveStatus
          state={saveState}
          errorMessage={saveErrorMessage}
          onRetry={onRetry}
          className="mr-auto sm:mr-1"
        />
        {gpt ? (
          <>
            <Button
              variant="ghost"
              size="sm"
              className="hidden md:inline-flex"
              onClick={openFromButton("versions")}
            >
              <History aria-hidden="true" />
              Versions
            </Button>
            <Button variant="ghost" size="sm" onClick={openFromButton("share")}>
              <Share2 aria-hidden="true" />
              <span className="sr-only sm:not-sr-only">Share</span>
            </Button>
            {/* Not modal: a modal menu would fight the dialog it opens over focus and pointer. */}
            <DropdownMenu modal={false}>
              <DropdownMenuTrigger asChild>
                <Button ref={moreActionsRef} variant="ghost" size="icon" aria-label="More actions">
                  <Ellipsis aria-hidden="true" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end" className="min-w-44">
                <DropdownMenuItem onSelect={() => openFromMenu("versions")}>
                  <History aria-hidden="true" />
                  Versions
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={() => openFromMenu("share")}>
                  <Share2 aria-hidden="true" />
                  Share…
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={() => openFromMenu("export")}>
                  <Download aria-hidden="true" />
                  Export…
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={() => openFromMenu("feedback")}>
                  <MessageSquareText aria-hidden="true" />
                  Feedback
                </DropdownMenuItem>
                {published ? (
                  <>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem
                      variant="destructive"
                      onSelect={() => openFromMenu("unpublish")}
                    >
                      <EyeOff aria-hidden="true" />
                      Unpublish…
                    </DropdownMenuItem>
                  </>
                ) : null}
              </DropdownMenuContent>
            </DropdownMenu>
          </>
        ) : null}
        {/* Submits the form from outside it, which also makes Enter in a field save. */}
        <Button
          type="submit"
          form={GPT_EDITOR_FORM_ID}
          variant="outline"
          disabled={saveState === "conflict"}
        >
          Save draft
        </Button>
        <Button
          type="button"
          onClick={openFromButton("publish")}
          disabled={liveStatus === "REMOVED"}
        >
          Publish
        </Button>
      </div>

      <PublishDialog
        {...dialogProps("publish")}
        gptName={gptName}
        visibility={visibility}
        nextVersionNumber={(published?.number ?? 0) + 1}
        isPublishing={draft.isPublishing}
        onPublish={publish}
      />
      {gpt ? (
        <>
          <VersionsDialog
            {...dialogProps("versions")}
            gptId={gpt.id}
            flushDraft={draft.save}
            onRestore={restore}
          />
          <ShareDialog
            {...dialogProps("share")}
            gptId={gpt.id}
            slug={gpt.slug}
            gptName={gptName}
            visibility={visibility}
            isPublished={published !== null}
            onVisibilityChange={changeVisibility}
          />
          {published ? (
            <UnpublishDialog
              {...dialogProps("unpublish")}
              gptName={gptName}
              versionNumber={published.number}
              onUnpublish={unpublish}
            />
          ) : null}
          <ExportGptDialog gptId={gpt.id} gptName={gptName} {...dialogProps("export")} />
          <GptFeedbackDialog gptId={gpt.id} gptName={gptName} {...dialogProps("feedback")} />
        </>
      ) : null}
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
