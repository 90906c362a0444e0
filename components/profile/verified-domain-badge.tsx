"use client";

import { BadgeCheck } from "lucide-react";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

/** "Verified: example.com"; the tooltip says how and when (focusable, so keyboards reach it). */
export function VerifiedDomainBadge({
  domain,
  verifiedAt,
}: {
  domain: string;
  verifiedAt: string | null;
}) {
  const when = verifiedAt ? ` on ${dateFormat.format(new Date(verifiedAt))}` : "";
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          className="inline-flex items-center gap-1 rounded-full border border-success/30 bg-success/10 px-2 py-0.5 text-xs font-medium text-success focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          data-testid="verified-domain-badge"
        >
          <BadgeCheck className="size-3.5" aria-hidden />
          Verified: {domain}
        </button>
      </TooltipTrigger>
      <TooltipContent>
        This creator proved they control {domain}
        {when} with a DNS record or a file on the site.
      </TooltipContent>
    </Tooltip>
  );
}
