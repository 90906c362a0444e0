"use client";

import { History } from "lucide-react";
import { useState } from "react";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { useGptVersions } from "@/lib/gpts/version-hooks";
import { cn } from "@/lib/utils/cn";
import { VersionDetail } from "./version-detail";
import { VersionList } from "./version-list";

type VersionsDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  gptId: string;
  flushDraft: () => Promise<unknown>;
  onRestore: (number: number) => Promise<boolean>;
};

/**
 * Version history: the list on the left, the selected version on the right (one at a time on a
 * phone, where the dialog fills the screen).
 */
export function VersionsDialog({ open, onOpenChange, ...props }: VersionsDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="flex h-dvh max-h-dvh w-full max-w-none flex-col gap-0 overflow-hidden rounded-none border-0 p-0 sm:h-[min(85dvh,52rem)] sm:max-h-[85dvh] sm:w-[calc(100%-2rem)] sm:max-w-5xl sm:rounded-xl sm:border"
        data-testid="versions-dialog"
      >
        <VersionsDialogBody {...props} />
      </DialogContent>
    </Dialog>
  );
}

function VersionsDialogBody({
  gptId,
  flushDraft,
  onRestore,
}: Omit<VersionsDialogProps, "open" | "onOpenChange">) {
  const versions = useGptVersions(gptId);
  const [selected, setSelected] = useState<number | null>(null);

  return (
    <>
      <DialogHeader className="border-b px-4 py-4 pr-12 text-left sm:px-6">
        <DialogTitle className="flex items-center gap-2">
          <History aria-hidden="true" className="size-5 text-muted-foreground" />
          Version history
        </DialogTitle>
        <DialogDescription>
          Every publish is kept. Open a version to see it, compare it with your draft, or restore
          it.
        </DialogDescription>
      </DialogHeader>
      <div className="grid min-h-0 flex-1 grid-cols-1 sm:grid-cols-[18rem_1fr]">
        <nav
          aria-label="Versions"
          className={cn(
            "min-h-0 overflow-y-auto sm:border-r",
            selected !== null && "hidden sm:block",
          )}
        >
          <VersionList
            versions={versions.data}
            isLoading={versions.isPending}
            error={versions.error}
            onRetry={() => void versions.refetch()}
            selected={selected}
            onSelect={setSelected}
          />
        </nav>
        <div className={cn("min-h-0 flex-col", selected === null ? "hidden sm:flex" : "flex")}>
          {selected === null ? (
            <div className="flex flex-1 items-center justify-center p-6 text-center text-sm text-muted-foreground">
              {versions.data?.length
                ? "Choose a version to see its settings and compare it with your draft."
                : "Published versions will appear here."}
            </div>
          ) : (
            <VersionDetail
              key={selected}
              gptId={gptId}
              number={selected}
              onBack={() => setSelected(null)}
              flushDraft={flushDraft}
              onRestore={onRestore}
            />
          )}
        </div>
      </div>
    </>
  );
}
