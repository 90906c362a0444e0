"use client";

import { History } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { VersionSummary } from "@/lib/gpts/version-hooks";
import { cn } from "@/lib/utils/cn";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/utils/format-time";

type VersionListProps = {
  versions: VersionSummary[] | undefined;
  isLoading: boolean;
  error: Error | null;
  onRetry: () => void;
  selected: number | null;
  onSelect: (number: number) => void;
};

/** Newest first; the live version is marked with a "Live" badge, not by colour alone. */
export function VersionList({
  versions,
  isLoading,
  error,
  onRetry,
  selected,
  onSelect,
}: VersionListProps) {
  if (isLoading) {
    return (
      <div className="grid gap-2 p-3" aria-busy="true">
        <span className="sr-only" role="status">
          Loading versions
        </span>
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} className="h-16 w-full" />
        ))}
      </div>
    );
  }
  if (error) {
    return (
      <div className="grid gap-3 p-3">
        <Alert variant="destructive">
          <AlertDescription>{error.message}</AlertDescription>
        </Alert>
        <Button variant="outline" size="sm" className="w-fit" onClick={onRetry}>
          Try again
        </Button>
      </div>
    );
  }
  if (!versions || versions.length === 0) {
    return (
      <EmptyState
        icon={History}
        title="No versions yet"
        titleAs="h3"
        description="Each time you publish, the draft is saved here as a new version you can come back to."
        className="m-3 border-none"
      />
    );
  }
  const now = Date.now();
  return (
    <ul className="grid gap-1 p-2">
      {versions.map((version) => {
        const isSelected = version.number === selected;
        return (
          <li key={version.number}>
            <button
              type="button"
              onClick={() => onSelect(version.number)}
              aria-current={isSelected ? "true" : undefined}
              data-testid="version-item"
              className={cn(
                "grid w-full gap-1 rounded-md border border-transparent px-3 py-2.5 text-left transition-colors outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
                isSelected && "border-border bg-accent",
              )}
            >
              <span className="flex items-center gap-2">
                <span className="text-sm font-medium">Version {version.number}</span>
                {version.isPublished ? <Badge variant="success">Live</Badge> : null}
                <time
                  dateTime={version.createdAt}
                  title={formatAbsoluteTime(version.createdAt)}
                  className="ml-auto shrink-0 text-xs text-muted-foreground"
                >
                  {formatRelativeTime(version.createdAt, now)}
                </time>
              </span>
              <span
                className={cn(
                  "line-clamp-2 text-sm break-words",
                  "text-muted-foreground",
                  !version.releaseNote && "italic",
                )}
              >
                {version.releaseNote ?? "No release note"}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
