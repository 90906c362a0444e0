"use client";

import { MessageSquare, MoreHorizontal, Pencil, Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
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
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils/cn";
import {
  type ConversationListItem,
  useConversations,
  useDeleteConversation,
  useRenameConversation,
} from "./hooks";

/** Recent conversations across GPTs, newest first, with rename and delete. */
export function ConversationSidebar({
  initialConversations,
}: {
  initialConversations?: ConversationListItem[];
}) {
  const {
    data: conversations,
    isPending,
    isError,
    refetch,
  } = useConversations(initialConversations);
  const pathname = usePathname();

  return (
    <nav aria-label="Conversations" className="flex h-full min-h-0 flex-col">
      <div className="p-3">
        <Link
          href="/"
          className="flex items-center gap-2 rounded-lg border bg-card px-3 py-2 text-sm font-medium hover:bg-accent"
        >
          <Plus className="size-4" aria-hidden /> Explore GPTs
        </Link>
      </div>
      <h2 className="px-4 pb-1 text-xs font-medium text-muted-foreground">Recent</h2>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-4">
        {isPending ? (
          <div className="space-y-2 p-2" role="status">
            <span className="sr-only">Loading conversations</span>
            {Array.from({ length: 5 }, (_, index) => (
              <Skeleton key={index} className="h-8 w-full" />
            ))}
          </div>
        ) : isError ? (
          <div className="p-3 text-sm text-muted-foreground">
            Could not load conversations.{" "}
            <button type="button" className="underline" onClick={() => refetch()}>
              Retry
            </button>
          </div>
        ) : conversations.length === 0 ? (
          <p className="flex items-center gap-2 p-3 text-sm text-muted-foreground">
            <MessageSquare className="size-4" aria-hidden /> No conversations yet.
          </p>
        ) : (
          <ul className="space-y-0.5" data-testid="conversation-list">
            {conversations.map((conversation) => (
              <ConversationItem
                key={conversation.id}
                conversation={conversation}
                isActive={pathname === `/c/${conversation.id}`}
              />
            ))}
          </ul>
        )}
      </div>
    </nav>
  );
}

function ConversationItem({
  conversation,
  isActive,
}: {
  conversation: ConversationListItem;
  isActive: boolean;
}) {
  const router = useRouter();
  const rename = useRenameConversation();
  const remove = useDeleteConversation();
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);

  function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "").trim();
    setIsEditing(false);
    if (!title || title === conversation.title) return;
    rename.mutate(
      { id: conversation.id, title },
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
            onKeyDown={(event) => event.key === "Escape" && setIsEditing(false)}
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
        href={`/c/${conversation.id}`}
        className="flex min-w-0 flex-1 items-center gap-2.5 px-3 py-2 text-sm"
        aria-current={isActive ? "page" : undefined}
      >
        {/* Decorative: the GPT's name follows as text. */}
        <span aria-hidden="true" className="flex">
          <GptAvatar
            name={conversation.gpt.name}
            src={conversation.gpt.avatarUrl}
            color={conversation.gpt.avatarColor}
            size="sm"
          />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate">{conversation.title}</span>
          <span className="block truncate text-xs text-muted-foreground">
            {conversation.gpt.name}
          </span>
        </span>
      </Link>
      <DropdownMenu>
        <DropdownMenuTrigger
          className="mr-1 rounded-md p-1.5 text-muted-foreground opacity-100 hover:text-foreground focus-visible:opacity-100 sm:opacity-0 sm:group-hover:opacity-100 data-[state=open]:opacity-100"
          aria-label={`Options for ${conversation.title}`}
        >
          <MoreHorizontal className="size-4" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setIsEditing(true)}>
            <Pencil className="size-4" aria-hidden /> Rename
          </DropdownMenuItem>
          <DropdownMenuItem
            onSelect={() => setIsConfirming(true)}
            className="text-destructive focus:text-destructive"
          >
            <Trash2 className="size-4" aria-hidden /> Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <AlertDialog open={isConfirming} onOpenChange={setIsConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete this conversation?</AlertDialogTitle>
            <AlertDialogDescription>
              “{conversation.title}” and its messages will be deleted. This cannot be undone.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              onClick={() =>
                remove.mutate(
                  { id: conversation.id },
                  {
                    onSuccess: () => {
                      toast.success("Conversation deleted");
                      if (isActive) router.push("/chat");
                    },
                    onError: (error) => toast.error(error.message),
                  },
                )
              }
            >
              Delete
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </li>
  );
}
