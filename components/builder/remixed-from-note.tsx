import { GitFork } from "lucide-react";
import Link from "next/link";
import { gptPath } from "@/lib/gpts/visibility";
import { cn } from "@/lib/utils/cn";

/**
 * "Remixed from X" for a remix's editor, linking to the original. `remixedFrom` is null once the
 * original is deleted or no longer viewable (getGptForEditor decides), and then nothing shows.
 */
export function RemixedFromNote({
  remixedFrom,
  className,
}: {
  remixedFrom: { slug: string; name: string } | null;
  className?: string;
}) {
  if (!remixedFrom) return null;
  return (
    <p
      className={cn("inline-flex items-center gap-1.5 text-xs text-muted-foreground", className)}
      data-testid="remixed-from"
    >
      <GitFork aria-hidden="true" className="size-3.5 shrink-0" />
      <span className="min-w-0 truncate">
        Remixed from{" "}
        <Link
          href={gptPath(remixedFrom.slug)}
          className="font-medium text-foreground underline underline-offset-4 hover:text-primary"
        >
          {remixedFrom.name}
        </Link>
      </span>
    </p>
  );
}
