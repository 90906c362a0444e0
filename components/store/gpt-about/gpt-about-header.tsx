import { BadgeCheck, GitFork } from "lucide-react";
import Link from "next/link";
import { GptPageDetails } from "@/components/store/gpt-page-details";
import { Badge } from "@/components/ui/badge";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import type { GptPage } from "@/lib/gpts/gpt-page-query";
import { gptPath } from "@/lib/gpts/visibility";
import { GptStats } from "./gpt-stats";

/**
 * The top of a GPT's page, as the GPT Store's dialog has it: big avatar, name, "By creator",
 * description, the stats row and the actions. The starters and composer follow (chat panel).
 */
export function GptAboutHeader({
  gpt,
  shareUrl,
  signInHref,
}: {
  gpt: GptPage;
  shareUrl: string;
  signInHref?: string;
}) {
  return (
    <header className="flex w-full flex-col items-center gap-3 pt-4 text-center sm:pt-10">
      <GptAvatar
        name={gpt.name}
        src={gpt.avatarUrl}
        color={gpt.avatarColor}
        size="xl"
        className="size-24 text-3xl"
      />
      <div className="flex flex-wrap items-center justify-center gap-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{gpt.name}</h1>
        {gpt.isDemo ? <Badge variant="demo">Demo</Badge> : null}
      </div>
      <Byline gpt={gpt} />
      {gpt.description ? (
        <p className="max-w-xl whitespace-pre-line text-sm text-muted-foreground sm:text-base">
          {gpt.description}
        </p>
      ) : null}
      {gpt.remixedFrom ? (
        <p className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
          <GitFork aria-hidden="true" className="size-3.5" />
          <span>
            Remixed from{" "}
            <Link
              href={gptPath(gpt.remixedFrom.slug)}
              className="font-medium text-foreground underline underline-offset-4 hover:text-primary"
            >
              {gpt.remixedFrom.name}
            </Link>
          </span>
        </p>
      ) : null}
      <div className="mt-2 flex w-full flex-col items-center gap-4">
        <GptStats gpt={gpt} />
        <GptPageDetails gpt={gpt} shareUrl={shareUrl} signInHref={signInHref} />
      </div>
    </header>
  );
}

function Byline({ gpt }: { gpt: GptPage }) {
  return (
    <p
      className="inline-flex items-center gap-1 text-sm text-muted-foreground"
      data-testid="gpt-creator"
    >
      By{" "}
      {gpt.creatorHandle ? (
        <Link
          href={`/u/${gpt.creatorHandle}`}
          className="rounded-sm font-medium text-foreground underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          {gpt.creatorName}
        </Link>
      ) : (
        <span className="font-medium text-foreground">{gpt.creatorName}</span>
      )}
      {gpt.isCreatorVerified ? (
        <BadgeCheck
          role="img"
          aria-label="Verified creator"
          className="size-4 text-primary"
          data-testid="creator-verified"
        />
      ) : null}
    </p>
  );
}
