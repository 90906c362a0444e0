"use client";

import { RotateCcw, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/knowledge/client/format";
import type { PendingUpload } from "@/lib/knowledge/client/use-knowledge-uploads";
import { FileKindIcon } from "./file-kind-icon";
import { ProgressBar } from "./progress-bar";

export type UploadRowProps = {
  upload: PendingUpload;
  onRetry: (localId: string) => void;
  onDismiss: (localId: string) => void;
};

/** A picked file on its way to the server: waiting its turn, uploading, or rejected. */
export function UploadRow({ upload, onRetry, onDismiss }: UploadRowProps) {
  const { file, status } = upload;
  const percent = Math.round(upload.progress * 100);
  return (
    <li
      className="flex items-start gap-3 px-3 py-3"
      data-testid="knowledge-upload"
      data-status={status}
    >
      <FileKindIcon />
      <div className="grid min-w-0 flex-1 gap-1.5">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <span className="min-w-0 truncate text-sm font-medium" title={file.name}>
            {file.name}
          </span>
          {status === "failed" ? (
            <Badge variant="destructive">Not uploaded</Badge>
          ) : (
            <Badge variant="secondary">{status === "waiting" ? "Waiting" : "Uploading"}</Badge>
          )}
        </div>
        <p className="text-xs text-muted-foreground">
          {formatBytes(file.size)}
          {status === "uploading"
            ? percent >= 100
              ? " · Finishing upload…"
              : ` · ${percent}% uploaded`
            : null}
          {status === "waiting" ? " · Starts when an upload finishes" : null}
        </p>
        {status !== "failed" ? (
          <ProgressBar
            value={status === "waiting" ? 0 : percent}
            label={`Uploading ${file.name}`}
          />
        ) : (
          <div className="flex flex-wrap items-center gap-2">
            <p className="min-w-0 text-sm text-destructive">{upload.error}</p>
            {upload.canRetry ? (
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => onRetry(upload.localId)}
              >
                <RotateCcw aria-hidden="true" />
                Try again
                <span className="sr-only"> to upload {file.name}</span>
              </Button>
            ) : null}
          </div>
        )}
      </div>
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="size-8 text-muted-foreground"
        aria-label={status === "failed" ? `Dismiss ${file.name}` : `Cancel uploading ${file.name}`}
        onClick={() => onDismiss(upload.localId)}
      >
        <X aria-hidden="true" />
      </Button>
    </li>
  );
}
