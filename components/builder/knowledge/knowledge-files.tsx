"use client";

import { useState } from "react";
import { toast } from "sonner";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { formatBytes, formatCount } from "@/lib/knowledge/client/format";
import {
  useDeleteKnowledgeFile,
  useKnowledgeFiles,
  useRetryKnowledgeFile,
} from "@/lib/knowledge/client/hooks";
import { knowledgeLimitMessages, precheckKnowledgeFiles } from "@/lib/knowledge/client/precheck";
import { useKnowledgeUploads } from "@/lib/knowledge/client/use-knowledge-uploads";
import type { KnowledgeFileView } from "@/lib/knowledge/types";
import { FileRow } from "./file-row";
import { KnowledgeDropzone } from "./knowledge-dropzone";
import { KnowledgeFilesSkeleton } from "./knowledge-files-skeleton";
import { LimitsSummary } from "./limits-summary";
import { StatusAnnouncer } from "./status-announcer";
import { UploadRow } from "./upload-row";

/** Files still in the draft first; removed-but-live ones last, as they leave at the next publish. */
function byDraftFirst(a: KnowledgeFileView, b: KnowledgeFileView): number {
  return Number(b.inDraft) - Number(a.inDraft);
}

/**
 * The knowledge files of a saved GPT: upload (drop or pick, several at once, one request per
 * file), watch ingestion (the list polls while a file is queued or processing), retry a failed
 * file, remove one. Limits are checked here too, with the server's words; the server decides.
 */
export function KnowledgeFiles({ gptId }: { gptId: string }) {
  const query = useKnowledgeFiles(gptId);
  const uploads = useKnowledgeUploads(gptId);
  const removeFile = useDeleteKnowledgeFile(gptId);
  const retryFile = useRetryKnowledgeFile(gptId);
  const [announcement, setAnnouncement] = useState("");

  if (query.isPending) return <KnowledgeFilesSkeleton />;
  if (query.isError) {
    return (
      <LoadErrorAlert
        title="The knowledge files could not be loaded"
        message={query.error.message}
        isRetrying={query.isFetching}
        onRetry={() => void query.refetch()}
        testId="knowledge-error"
      />
    );
  }

  const { files, limits, usage } = query.data;
  const isFull = usage.files + uploads.pending.files >= limits.maxFilesPerGpt;
  const sorted = [...files].sort(byDraftFirst);
  const isEmpty = files.length === 0 && uploads.uploads.length === 0;

  function addFiles(picked: File[]) {
    const { accepted, rejected } = precheckKnowledgeFiles({
      files: picked,
      limits,
      usage,
      pending: uploads.pending,
    });
    uploads.add(accepted, rejected);
    const parts = [
      accepted.length > 0 ? `Uploading ${formatCount(accepted.length, "file")}.` : null,
      rejected.length > 0 ? `${formatCount(rejected.length, "file")} cannot be added.` : null,
    ];
    setAnnouncement(parts.filter(Boolean).join(" "));
  }

  function remove(file: KnowledgeFileView) {
    removeFile.mutate(file.id, {
      onSuccess: () =>
        toast.success(
          file.isLive
            ? `${file.name} removed from the draft. It stays live until you publish again.`
            : `${file.name} removed.`,
        ),
      onError: (error) => toast.error(error.message),
    });
  }

  function retry(file: KnowledgeFileView) {
    retryFile.mutate(file.id, { onError: (error) => toast.error(error.message) });
  }

  return (
    <div className="grid gap-3" data-testid="knowledge-files">
      <KnowledgeDropzone
        onFiles={addFiles}
        sizeHint={`up to ${formatBytes(limits.maxFileBytes)} each`}
        isDisabled={isFull}
        disabledReason={knowledgeLimitMessages.tooManyFiles(limits.maxFilesPerGpt)}
      />
      <LimitsSummary limits={limits} usage={usage} />
      {isEmpty ? (
        <p className="text-sm text-muted-foreground" data-testid="knowledge-empty">
          No files yet. Add documents your GPT should answer from; it cites the passages it uses.
        </p>
      ) : (
        <ul aria-label="Knowledge files" className="divide-y overflow-hidden rounded-lg border">
          {sorted.map((file) => (
            <FileRow
              key={file.id}
              file={file}
              isRemoving={removeFile.isPending && removeFile.variables === file.id}
              isRetrying={retryFile.isPending && retryFile.variables === file.id}
              onRemove={remove}
              onRetry={retry}
            />
          ))}
          {uploads.uploads.map((upload) => (
            <UploadRow
              key={upload.localId}
              upload={upload}
              onRetry={uploads.retry}
              onDismiss={uploads.dismiss}
            />
          ))}
        </ul>
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <StatusAnnouncer files={files} />
    </div>
  );
}
