import { GitFork, Globe, Pencil } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { GptPage } from "@/lib/gpts/queries";
import { gptPath } from "@/lib/gpts/visibility";
import { GptSettingsDisclosure } from "./gpt-settings-disclosure";
import { RemixButton } from "./remix-button";

export function formatRemixCount(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "remix" : "remixes"}`;
}

/**
 * The GPT page's lineage and sharing details under its intro: "Remixed from X", the Remix button
 * and count, and "View settings" when the owner allows it. Its owner gets an Edit link instead.
 */
export function GptPageDetails({ gpt, signInHref }: { gpt: GptPage; signInHref?: string }) {
  const canOfferRemix = gpt.isRemixable && !gpt.isOwner;
  const hasActions = canOfferRemix || gpt.isOwner || gpt.remixCount > 0;
  return (
    <div className="flex w-full flex-col items-center gap-3" data-testid="gpt-page-details">
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
      {hasActions ? (
        <div className="flex flex-wrap items-center justify-center gap-x-3 gap-y-2">
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
          {gpt.remixCount > 0 ? (
            <span className="text-xs text-muted-foreground" data-testid="remix-count">
              {formatRemixCount(gpt.remixCount)}
            </span>
          ) : null}
        </div>
      ) : null}
      {gpt.actionServices.length > 0 ? <ActionServices services={gpt.actionServices} /> : null}
      {gpt.settings ? <GptSettingsDisclosure settings={gpt.settings} /> : null}
    </div>
  );
}

/** "Uses actions on …": which services this GPT may call for you, each with its privacy policy. */
function ActionServices({ services }: { services: GptPage["actionServices"] }) {
  return (
    <section
      aria-labelledby="gpt-action-services"
      className="w-full max-w-md rounded-lg border bg-card px-4 py-3 text-left text-xs"
      data-testid="action-services"
    >
      <h2 id="gpt-action-services" className="flex items-center gap-1.5 font-medium text-sm">
        <Globe aria-hidden="true" className="size-4 text-muted-foreground" />
        Uses actions
      </h2>
      <p className="mt-1 text-muted-foreground">
        This GPT can send data from your conversations to these services. You are asked before it
        does.
      </p>
      <ul className="mt-2 grid gap-1">
        {services.map((service) => (
          <li key={service.domain} className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-mono">{service.domain}</span>
            {service.privacyPolicyUrl ? (
              <a
                href={service.privacyPolicyUrl}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="underline underline-offset-4 hover:text-primary"
              >
                Privacy policy<span className="sr-only"> of {service.domain}</span>
              </a>
            ) : (
              <span className="text-muted-foreground">No privacy policy given</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
