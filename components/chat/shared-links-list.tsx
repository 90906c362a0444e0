"use client";

import { ExternalLink, Link2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
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
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { ShareLink } from "@/lib/chat/share/types";
import { useRevokeShare } from "./share-hooks";

// UTC: also rendered on the server, whose time zone is not the reader's (hydration must match).
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Settings → Shared links: every active link, with open and revoke. */
export function SharedLinksList({ links }: { links: ShareLink[] }) {
  const router = useRouter();
  const revoke = useRevokeShare();
  const [pending, setPending] = useState<ShareLink | null>(null);

  function confirmRevoke(link: ShareLink) {
    setPending(null);
    revoke.mutate(link.conversationId, {
      onSuccess: () => {
        toast.success("Link revoked");
        router.refresh();
      },
      onError: (error) => toast.error(`The link was not revoked. ${error.message}`),
    });
  }

  return (
    <div data-testid="shared-links">
      <PageHeader
        title="Shared links"
        description="Read-only links to your conversations. Anyone with a link can read the messages it was made with; revoke it to end access."
      />
      {links.length === 0 ? (
        <EmptyState
          icon={Link2}
          title="No shared links"
          description="Share a conversation from its menu in the chat sidebar, or with the Share button at the top of a chat."
          action={
            <Button variant="outline" asChild>
              <Link href="/chat">Go to chats</Link>
            </Button>
          }
        />
      ) : (
        <ul
          className="divide-y overflow-hidden rounded-xl border bg-card"
          aria-label="Shared links"
        >
          {links.map((link) => (
            <li
              key={link.token}
              className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <Link
                  href={`/c/${link.conversationId}`}
                  className="block truncate font-medium hover:underline"
                >
                  {link.title}
                </Link>
                <p className="truncate text-sm text-muted-foreground">
                  {link.gptName} · shared {dateFormat.format(new Date(link.sharedAt))}
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Button variant="outline" size="sm" asChild>
                  <a href={link.path} target="_blank" rel="noreferrer">
                    <ExternalLink aria-hidden /> Open
                    <span className="sr-only"> the link to {link.title} (new tab)</span>
                  </a>
                </Button>
                <Button
                  variant="outline"
                  size="sm"
                  className="text-destructive"
                  isLoading={revoke.isPending && revoke.variables === link.conversationId}
                  onClick={() => setPending(link)}
                >
                  Revoke
                  <span className="sr-only"> the link to {link.title}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <AlertDialog open={pending !== null} onOpenChange={(open) => !open && setPending(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Revoke this link?</AlertDialogTitle>
            <AlertDialogDescription>
              Anyone who opens the link to “{pending?.title}” will see “not found”. Sharing the
              conversation again makes a new link.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={() => pending && confirmRevoke(pending)}>
              Revoke link
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
