"use client";

import { Link2, Share } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import type { ShareLink } from "@/lib/chat/share/types";
import { useConversations } from "./hooks";
import { useCreateShare, useRevokeShare, useShareStatus } from "./share-hooks";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

type Props = {
  conversationId: string;
  /** Unknown for a conversation not in the loaded list (an old one opened by its URL). */
  title?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/**
 * Create, update, copy or revoke a conversation's read-only link. The link shows the messages as
 * they were when it was created or last updated, never later ones.
 */
export function ShareConversationDialog({ conversationId, title, open, onOpenChange }: Props) {
  const status = useShareStatus(conversationId, { isEnabled: open });
  const create = useCreateShare(conversationId);
  const share = status.data?.share ?? null;

  function onCreate() {
    create.mutate(undefined, {
      onSuccess: () => toast.success(share ? "Link updated" : "Link created"),
      onError: (error) => toast.error(error.message),
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-md grid-cols-1" data-testid="share-dialog">
        <DialogHeader>
          <DialogTitle className="truncate">
            {title ? `Share “${title}”` : "Share this conversation"}
          </DialogTitle>
          <DialogDescription>
            Anyone with the link can read this conversation, without signing in. Messages you send
            after creating the link are not included: update the link to add them.
          </DialogDescription>
        </DialogHeader>
        {status.isPending ? (
          <div className="grid gap-2" role="status" aria-label="Loading link">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-32" />
          </div>
        ) : status.isError ? (
          <LoadErrorAlert
            title="Could not load the link"
            message={status.error.message}
            isRetrying={status.isFetching}
            onRetry={() => status.refetch()}
          />
        ) : !status.data.isShareable ? (
          <p className="text-sm text-muted-foreground">Preview conversations can’t be shared.</p>
        ) : share ? (
          <ActiveLink
            share={share}
            onUpdate={onCreate}
            isUpdating={create.isPending}
            conversationId={conversationId}
          />
        ) : (
          <Button onClick={onCreate} isLoading={create.isPending} className="justify-self-start">
            <Link2 aria-hidden /> Create link
          </Button>
        )}
      </DialogContent>
    </Dialog>
  );
}

function ActiveLink({
  share,
  conversationId,
  onUpdate,
  isUpdating,
}: {
  share: ShareLink;
  conversationId: string;
  onUpdate: () => void;
  isUpdating: boolean;
}) {
  const revoke = useRevokeShare();
  const [isConfirming, setIsConfirming] = useState(false);
  const url = `${window.location.origin}${share.path}`;

  return (
    <div className="grid gap-3">
      <div className="flex items-center gap-1">
        <label htmlFor={`share-url-${conversationId}`} className="sr-only">
          Share link
        </label>
        <Input
          id={`share-url-${conversationId}`}
          value={url}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 font-mono text-xs"
          data-testid="share-url"
        />
        <CopyButton value={url} label="Copy link" className="size-9" />
      </div>
      <p className="text-xs text-muted-foreground">
        Shows {share.messageCount} message{share.messageCount === 1 ? "" : "s"}, as of{" "}
        {dateFormat.format(new Date(share.sharedAt))}.
      </p>
      {isConfirming ? (
        <div className="grid gap-2 rounded-lg border border-destructive/40 p-3">
          <p className="text-sm">
            Revoke this link? Anyone who opens it will see “not found”. Sharing again makes a new
            link.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="destructive"
              size="sm"
              isLoading={revoke.isPending}
              onClick={() =>
                revoke.mutate(conversationId, {
                  onSuccess: () => {
                    setIsConfirming(false);
                    toast.success("Link revoked");
                  },
                  onError: (error) => toast.error(error.message),
                })
              }
            >
              Revoke link
            </Button>
            <Button variant="outline" size="sm" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button onClick={onUpdate} isLoading={isUpdating}>
            <Share aria-hidden /> Update link
          </Button>
          <Button
            variant="ghost"
            className="text-destructive"
            onClick={() => setIsConfirming(true)}
          >
            Revoke link
          </Button>
        </div>
      )}
    </div>
  );
}

/** The open conversation's "Share" button (top right of the thread); its title from the list. */
export function ShareConversationButton({ conversationId }: { conversationId: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const conversations = useConversations();
  const title = conversations.data?.pages
    .flatMap((page) => page.conversations)
    .find((conversation) => conversation.id === conversationId)?.title;
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => setIsOpen(true)}
        data-testid="share-conversation"
      >
        <Share aria-hidden /> Share
      </Button>
      <ShareConversationDialog
        conversationId={conversationId}
        title={title}
        open={isOpen}
        onOpenChange={setIsOpen}
      />
    </>
  );
}
