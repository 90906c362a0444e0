"use client";

import { MoreHorizontal, Pencil, Pin, PinOff, Share, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, type RefObject, useRef, useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils/cn";
import { type ConversationListItem, useDeleteConversation, useRenameConversation } from "./hooks";
import { useTogglePin } from "./pin-hooks";
import { ShareConversationDialog } from "./share-conversation-dialog";

/** A sidebar conversation: open, rename, share, keep its GPT in the sidebar, delete. */
export function ConversationItem({
  conversation,
  isActive,
  isGptPinned,
}: {
  conversation: ConversationListItem;
  isActive: boolean;
  isGptPinned: boolean;
}) {
  const router = useRouter();
  const rename = useRenameConversation();
  const remove = useDeleteConversation();
  const togglePin = useTogglePin();
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isSharing, setIsSharing] = useState(false);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const { gpt } = conversation;

  // The menu item that opened a dialog, or the rename box, is gone by now: without this, keyboard
  // focus falls back to the page. After Radix's own focus handling, once they have unmounted.
  function returnFocus(ref: RefObject<HTMLElement | null>) {
    requestAnimationFrame(() => ref.current?.focus());
  }

  function endEditing() {
    setIsEditing(false);
    returnFocus(linkRef);
  }

  function onDialogOpenChange(setOpen: (open: boolean) => void) {
    return (open: boolean) => {
      setOpen(open);
      if (!open) returnFocus(menuButtonRef);
    };
  }

  function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "").trim();
    // Submitted by blur, focus is already moving elsewhere: leave it there.
    if (event.currentTarget.contains(document.activeElement)) endEditing();
    else setIsEditing(false);
    if (!title || title === conversation.title) return;
    rename.mutate(
      { id: conversation.id, title },
      { onError: (error) => toast.error(error.message) },
    );
  }

  // mutateAsync: the list refetch after a delete drops this row, and callbacks passed to mutate()
  // are skipped once it has unmounted (no toast, and no way off a deleted conversation's page).
  async function confirmDelete() {
    try {
      await remove.mutateAsync({ id: conversation.id });
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The conversation was not deleted.");
      return;
    }
    toast.success("Conversation deleted");
    if (isActive) router.push("/chat");
  }

  function onTogglePin() {
    const isPinned = !isGptPinned;
    togglePin.mutate(
      {
        gpt: {
          gptId: gpt.id,
          slug: gpt.slug,
          name: gpt.name,
          avatarUrl: gpt.avatarUrl ?? null,
          avatarColor: gpt.avatarColor ?? null,
        },
        isPinned,
      },
      { onError: (error) => toast.error(error.message) },
    );
  }

  if (isEditing) {
    return (
      <li>
        <form onSubmit={onRename} className="px-1 py-0.5">
          <label htmlFor={`rename-${conversation.id}`} className="sr-only">
            Conversation title
          </label>
          <Input
            id={`rename-${conversation.id}`}
            name="title"
            defaultValue={conversation.title}
            maxLength={100}
            autoFocus
            onBlur={(event) => event.currentTarget.form?.requestSubmit()}
            onKeyDown={(event) => event.key === "Escape" && endEditing()}
            className="h-8"
          />
        </form>
      </li>
    );
  }

  return (
    <li
      className={cn("group flex items-center rounded-lg hover:bg-accent", isActive && "bg-accent")}
    >
      <Link
        ref={linkRef}
        href={`/c/${conversation.id}`}
        className="flex min-w-0 flex-1 items-center gap-2.5 px-3 py-2 text-sm"
        aria-current={isActive ? "page" : undefined}
      >
        {/* Decorative: the GPT's name follows as text. */}
        <span aria-hidden="true" className="flex">
          <GptAvatar name={gpt.name} src={gpt.avatarUrl} color={gpt.avatarColor} size="sm" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate">{conversation.title}</span>
          <span className="block truncate text-xs text-muted-foreground">{gpt.name}</span>
        </span>
      </Link>
      <DropdownMenu>
        <DropdownMenuTrigger
          ref={menuButtonRef}
          className="mr-1 rounded-md p-1.5 text-muted-foreground opacity-100 hover:text-foreground focus-visible:opacity-100 sm:opacity-0 sm:group-hover:opacity-100 data-[state=open]:opacity-100"
          aria-label={`Options for ${conversation.title}`}
        >
          <MoreHorizontal className="size-4" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setIsSharing(true)}>
            <Share className="size-4" aria-hidden /> Share
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setIsEditing(true)}>
            <Pencil className="size-4" aria-hidden /> Rename
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={onTogglePin}>
            {isGptPinned ? (
              <PinOff className="size-4" aria-hidden />
            ) : (
              <Pin className="size-4" aria-hidden />
            )}
            {isGptPinned ? `Remove ${gpt.name} from sidebar` : `Keep ${gpt.name} in sidebar`}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem
            onSelect={() => setIsConfirming(true)}
            className="text-destructive focus:text-destructive"
          >
            <Trash2 className="size-4" aria-hidden /> Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ShareConversationDialog
        conversationId={conversation.id}
        title={conversation.title}
        open={isSharing}
        onOpenChange={onDialogOpenChange(setIsSharing)}
      />
      <AlertDialog open={isConfirming} onOpenChange={onDialogOpenChange(setIsConfirming)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete this conversation?</AlertDialogTitle>
            <AlertDialogDescription>
              “{conversation.title}” and its messages will be deleted, and its shared link stops
              working. This cannot be undone.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={confirmDelete}>Delete</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </li>
  );
}
