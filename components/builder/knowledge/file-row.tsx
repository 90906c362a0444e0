"use client";

import { Globe, RotateCcw } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatBytes, formatFileStats, knowledgeKindLabel } from "@/lib/knowledge/client/format";
import type { KnowledgeFileView } from "@/lib/knowledge/types";
import { FileKindIcon } from "./file-kind-icon";
import { FileStatusBadge } from "./file-status";
import { ProgressBar } from "./progress-bar";
import { RemoveFileButton } from "./remove-file-button";

export type FileRowProps = {
  file: KnowledgeFileView;
  isRemoving?: boolean;
  isRetrying?: boolean;
  onRemove: (file: KnowledgeFileView) => void;
  onRetry: (file: KnowledgeFileView) => void;
};

/**
 * One stored knowledge file: name, size and kind, its ingestion status (progress while
 * processing, counts when ready, the reason and Retry when failed), and whether the published GPT
 * uses it.
 */
export function FileRow({
  file,
  isRemoving = false,
  isRetrying = false,
  onRemove,
  onRetry,
}: FileRowProps) {
  const isRemovedButLive = !file.inDraft && file.isLive;
  return (
    <li
      className="flex items-start gap-3 px-3 py-3 data-[removed=true]:bg-muted/40"
      data-testid="knowledge-file"
      data-status={file.status}
      data-removed={isRemovedButLive}
    >
      <FileKindIcon kind={file.kind} />
      <div className="grid min-w-0 flex-1 gap-1.5">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <span
            className="min-w-0 truncate text-sm font-medium data-[removed=true]:line-through"
            data-removed={isRemovedButLive}
            title={file.name}
          >
            {file.name}
          </span>
          <FileStatusBadge file={file} />
          {file.isLive && file.inDraft ? (
            <Badge variant="outline" title="The published GPT answers from this file">
              <Globe aria-hidden="true" />
              Live
            </Badge>
          ) : null}
          {isRemovedButLive ? <Badge variant="warning">Removed from draft</Badge> : null}
        </div>
        <p className="text-xs text-muted-foreground">
          {[formatBytes(file.sizeBytes), knowledgeKindLabel(file.kind)]
            .concat(file.status === "READY" ? [formatFileStats(file)] : [])
            .join(" · ")}
          {file.status === "QUEUED" ? " · Waiting to be processed" : null}
          {isRemovedButLive ? (
            <span className="block">Stays in the published GPT until you publish again.</span>
          ) : null}
        </p>
        {file.status === "PROCESSING" ? (
          <ProgressBar value={file.progress} label={`Processing ${file.name}`} />
        ) : null}
        {file.status === "FAILED" ? (
          <div className="flex flex-wrap items-center gap-2">
            <p className="min-w-0 text-sm text-destructive">
              {file.error ?? "This file could not be processed."}
            </p>
            {file.inDraft ? (
              <Button
                type="button"
                variant="outline"
                size="sm"
                isLoading={isRetrying}
                onClick={() => onRetry(file)}
              >
                {isRetrying ? null : <RotateCcw aria-hidden="true" />}
                Retry
                <span className="sr-only"> {file.name}</span>
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {file.inDraft ? (
        <RemoveFileButton
          fileName={file.name}
          isLive={file.isLive}
          isPending={isRemoving}
          onRemove={() => onRemove(file)}
        />
      ) : null}
    </li>
  );
}
