import { ChevronDown, SlidersHorizontal } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { capabilityLabel } from "@/lib/gpts/capabilities";
import type { GptPageSettings } from "@/lib/gpts/gpt-page-query";

/**
 * "View settings": the published configuration, shown only because the owner allows others to
 * view settings and remix (the payload has no settings otherwise). A native disclosure: it opens
 * before the page has hydrated, and without JavaScript.
 */
export function GptSettingsDisclosure({ settings }: { settings: GptPageSettings }) {
  return (
    <details className="group w-full max-w-2xl text-left">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-details-marker]:hidden">
        <SlidersHorizontal aria-hidden="true" className="size-4" />
        View settings
        <ChevronDown
          aria-hidden="true"
          className="size-4 transition-transform group-open:rotate-180"
        />
      </summary>
      <section
        aria-label="Published settings"
        className="mt-3 rounded-xl border bg-card p-4 text-sm"
        data-testid="gpt-settings"
      >
        <dl className="grid gap-4 sm:grid-cols-[8.5rem_1fr] sm:gap-x-4 sm:gap-y-3">
          <dt className="font-medium">Model</dt>
          <dd className="-mt-3 text-muted-foreground sm:mt-0">
            {settings.modelName ?? "The instance’s default model"}
          </dd>
          <dt className="font-medium">Capabilities</dt>
          <dd className="-mt-3 sm:mt-0">
            {settings.capabilities.length > 0 ? (
              <span className="flex flex-wrap gap-1.5">
                {settings.capabilities.map((key) => (
                  <Badge key={key} variant="secondary">
                    {capabilityLabel(key)}
                  </Badge>
                ))}
              </span>
            ) : (
              <span className="text-muted-foreground">None</span>
            )}
          </dd>
          <dt className="font-medium">Conversation starters</dt>
          <dd className="-mt-3 sm:mt-0">
            {settings.conversationStarters.length > 0 ? (
              <ul className="list-disc space-y-1 pl-5 text-muted-foreground">
                {settings.conversationStarters.map((starter) => (
                  <li key={starter}>{starter}</li>
                ))}
              </ul>
            ) : (
              <span className="text-muted-foreground">None</span>
            )}
          </dd>
          <dt className="font-medium">Instructions</dt>
          <dd className="-mt-3 sm:mt-0">
            {settings.instructions.trim() ? (
              <pre
                className="max-h-80 overflow-y-auto whitespace-pre-wrap break-words rounded-lg bg-muted p-3 font-sans text-sm"
                data-testid="gpt-settings-instructions"
              >
                {settings.instructions}
              </pre>
            ) : (
              <span className="text-muted-foreground">None</span>
            )}
          </dd>
        </dl>
      </section>
    </details>
  );
}
