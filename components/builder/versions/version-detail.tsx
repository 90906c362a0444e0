"use client";

import { ChevronLeft, RotateCcw } from "lucide-react";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useGptVersion } from "@/lib/gpts/version-hooks";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/utils/format-time";
import { ConfigDiffView } from "./config-diff-view";
import { VersionConfigView } from "./version-config-view";

type VersionDetailProps = {
  gptId: string;
  number: number;
  onBack: () => void;
  /** Saves pending edits, so the comparison is with what the creator sees. */
  flushDraft: () => Promise<unknown>;
  /** Resolves true once restored; reports its own errors. */
  onRestore: (number: number) => Promise<boolean>;
};

/** One version read-only, its diff with the draft, and "Restore to draft". */
export function VersionDetail({
  gptId,
  number,
  onBack,
  flushDraft,
  onRestore,
}: VersionDetailProps) {
  const query = useGptVersion(gptId, number, { beforeFetch: flushDraft });
  const [isConfirmOpen, setIsConfirmOpen] = useState(false);
  const [isRestoring, setIsRestoring] = useState(false);
  const version = query.data?.version;

  async function restore() {
    setIsRestoring(true);
    try {
      if (await onRestore(number)) setIsConfirmOpen(false);
    } finally {
      setIsRestoring(false);
    }
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="grid gap-2 border-b px-4 py-3 sm:px-6">
        <Button variant="ghost" size="sm" className="-ml-2 w-fit sm:hidden" onClick={onBack}>
          <ChevronLeft aria-hidden="true" />
          All versions
        </Button>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <div className="grid min-w-0 flex-1 gap-0.5">
            <h3 className="flex items-center gap-2 text-base font-semibold">
              Version {number}
              {version?.isPublished ? <Badge variant="success">Live</Badge> : null}
            </h3>
            {version ? (
              <p className="text-xs text-muted-foreground">
                Published {formatAbsoluteTime(version.createdAt)} (
                {formatRelativeTime(version.createdAt)})
              </p>
            ) : null}
          </div>
          <Button
            variant="outline"
            size="sm"
            disabled={!version}
            onClick={() => setIsConfirmOpen(true)}
          >
            <RotateCcw aria-hidden="true" />
            Restore to draft
          </Button>
        </div>
        {version?.releaseNote ? (
          <p className="text-sm break-words whitespace-pre-wrap">{version.releaseNote}</p>
        ) : null}
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4 sm:px-6">
        {query.isPending ? (
          <div className="grid gap-3" aria-busy="true">
            <span className="sr-only" role="status">
              Loading version {number}
            </span>
            <Skeleton className="h-9 w-64" />
            <Skeleton className="h-24 w-full" />
            <Skeleton className="h-24 w-full" />
          </div>
        ) : query.error ? (
          <div className="grid gap-3">
            <Alert variant="destructive">
              <AlertDescription>{query.error.message}</AlertDescription>
            </Alert>
            <Button variant="outline" size="sm" className="w-fit" onClick={() => query.refetch()}>
              Try again
            </Button>
          </div>
        ) : version && query.data ? (
          <Tabs defaultValue="settings">
            <TabsList aria-label="Version views">
              <TabsTrigger value="settings">Settings</TabsTrigger>
              <TabsTrigger value="compare">
                Compare with draft
                {query.data.diff.changedFields.length > 0 ? (
                  <Badge variant="secondary" className="px-1.5">
                    {query.data.diff.changedFields.length}
                    <span className="sr-only">
                      {query.data.diff.changedFields.length === 1 ? "difference" : "differences"}
                    </span>
                  </Badge>
                ) : null}
              </TabsTrigger>
            </TabsList>
            <TabsContent value="settings">
              <VersionConfigView version={version} />
            </TabsContent>
            <TabsContent value="compare">
              <ConfigDiffView diff={query.data.diff} versionNumber={number} />
            </TabsContent>
          </Tabs>
        ) : null}
      </div>

      <AlertDialog
        open={isConfirmOpen}
        onOpenChange={(next) => {
          if (!isRestoring) setIsConfirmOpen(next);
        }}
      >
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Restore version {number} to your draft?</AlertDialogTitle>
            <AlertDialogDescription>
              Your draft’s settings are replaced by version {number}’s. Nothing changes for people
              using your GPT until you publish. Visibility and remix settings stay as they are.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={isRestoring}>Cancel</AlertDialogCancel>
            {/* Not an AlertDialogAction: it would close the dialog before the restore finishes. */}
            <Button isLoading={isRestoring} onClick={() => void restore()}>
              Restore
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
