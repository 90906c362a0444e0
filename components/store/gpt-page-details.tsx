import { GitFork, Pencil } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { GptPage } from "@/lib/gpts/gpt-page-query";
import { KeepInSidebarSlot, ReportSlot } from "./gpt-about/community-slots";
import { ShareGptButton } from "./gpt-about/share-gpt-button";
import { RemixButton } from "./remix-button";

export function formatRemixCount(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "remix" : "remixes"}`;
}

/**
 * The GPT page's action row under its stats: Edit (owner) or Remix (when allowed), Share, Keep in
 * sidebar (signed in), Report (not on one's own GPT), and the remix count.
 */
export function GptPageDetails({
  gpt,
  shareUrl,
  signInHref,
}: {
  gpt: GptPage;
  /** The page's absolute URL (what Share copies). */
  shareUrl: string;
  /** Set for signed-out visitors: Remix and Report send them to sign in first. */
  signInHref?: string;
}) {
  const canOfferRemix = gpt.isRemixable && !gpt.isOwner;
  return (
    <div
      className="flex flex-wrap items-center justify-center gap-2"
      data-testid="gpt-page-details"
    >
      {gpt.isOwner ? (
        <Button variant="outline" size="sm" asChild>
          <Link href={`/gpts/${gpt.id}/edit`}>
            <Pencil aria-hidden="true" />
            Edit GPT
          </Link>
        </Button>
      ) : null}
      {canOfferRemix ? (
        <RemixButton gptId={gpt.id} gptName={gpt.name} signInHref={signInHref} />
      ) : null}
      <ShareGptButton url={shareUrl} gptName={gpt.name} />
      <KeepInSidebarSlot gpt={gpt} isSignedIn={!signInHref} />
      {gpt.isOwner ? null : (
        <ReportSlot gptId={gpt.id} gptName={gpt.name} signInHref={signInHref} />
      )}
      {gpt.remixCount > 0 ? (
        <span
          className="inline-flex items-center gap-1 px-1 text-xs text-muted-foreground"
          data-testid="remix-count"
        >
          <GitFork aria-hidden="true" className="size-3.5" />
          {formatRemixCount(gpt.remixCount)}
        </span>
      ) : null}
    </div>
  );
}
