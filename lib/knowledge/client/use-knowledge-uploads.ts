"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/gpts/api-client";
import { type KnowledgeListResponse, uploadKnowledgeFileRequest } from "./api-client";
import { knowledgeKeys, mergeKnowledgeFile } from "./hooks";

/** Two at a time: steady progress for each file without saturating the creator's uplink. */
export const UPLOAD_CONCURRENCY = 2;

export type PendingUpload = {
  localId: string;
  file: File;
  status: "waiting" | "uploading" | "failed";
  /** 0-1 of the bytes sent. */
  progress: number;
  error: string | null;
  /** False when the server refused the file itself (type, size, limits): trying again won't help. */
  canRetry: boolean;
};

let nextLocalId = 0;

/**
 * The browser side of knowledge uploads: every picked file gets a row at once, then goes up one
 * request per file, at most UPLOAD_CONCURRENCY at a time. When the server accepts a file, its row
 * leaves this list and the file joins the server list (where ingestion status takes over).
 */
export function useKnowledgeUploads(gptId: string) {
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<PendingUpload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  const patch = useCallback((localId: string, changes: Partial<PendingUpload>) => {
    setUploads((list) =>
      list.map((upload) => (upload.localId === localId ? { ...upload, ...changes } : upload)),
    );
  }, []);

  const run = useCallback(
    async (upload: PendingUpload) => {
      const controller = new AbortController();
      controllers.current.set(upload.localId, controller);
      patch(upload.localId, { status: "uploading", progress: 0, error: null });
      const key = knowledgeKeys.list(gptId);
      try {
        const { file } = await uploadKnowledgeFileRequest({
          gptId,
          file: upload.file,
          signal: controller.signal,
          onProgress: (progress) => patch(upload.localId, { progress }),
        });
        queryClient.setQueryData<KnowledgeListResponse>(key, (data) =>
          mergeKnowledgeFile(data, file),
        );
        setUploads((list) => list.filter((item) => item.localId !== upload.localId));
        void queryClient.invalidateQueries({ queryKey: key });
      } catch (error) {
        if (controller.signal.aborted) return;
        const status = error instanceof ApiError ? error.status : 0;
        patch(upload.localId, {
          status: "failed",
          error:
            error instanceof ApiError
              ? error.message
              : `${upload.file.name} could not be uploaded.`,
          canRetry: status === 0 || status === 429 || status >= 500,
        });
      } finally {
        controllers.current.delete(upload.localId);
      }
    },
    [gptId, patch, queryClient],
  );

  // The pump: whenever the list changes, start waiting uploads while there is a free slot.
  useEffect(() => {
    const active = controllers.current;
    const waiting = uploads.filter(
      (upload) => upload.status === "waiting" && !active.has(upload.localId),
    );
    for (const upload of waiting.slice(0, Math.max(0, UPLOAD_CONCURRENCY - active.size))) {
      void run(upload);
    }
  }, [uploads, run]);

  useEffect(() => {
    const active = controllers.current;
    return () => {
      for (const controller of active.values()) controller.abort();
      active.clear();
    };
  }, []);

  /** Queues files; `rejected` ones (failed a pre-check) get a row with their reason at once. */
  const add = useCallback((files: File[], rejected: { file: File; message: string }[] = []) => {
    const row = (file: File, error: string | null): PendingUpload => ({
      localId: `upload-${++nextLocalId}`,
      file,
      status: error === null ? "waiting" : "failed",
      progress: 0,
      error,
      canRetry: false,
    });
    setUploads((list) => [
      ...list,
      ...files.map((file) => row(file, null)),
      ...rejected.map(({ file, message }) => row(file, message)),
    ]);
  }, []);

  const retry = useCallback(
    (localId: string) => patch(localId, { status: "waiting", progress: 0, error: null }),
    [patch],
  );

  const dismiss = useCallback((localId: string) => {
    controllers.current.get(localId)?.abort();
    controllers.current.delete(localId);
    setUploads((list) => list.filter((upload) => upload.localId !== localId));
  }, []);

  const inFlight = uploads.filter((upload) => upload.status !== "failed");
  return {
    uploads,
    add,
    retry,
    dismiss,
    /** Counted against the limits before new files are accepted. */
    pending: {
      files: inFlight.length,
      bytes: inFlight.reduce((sum, upload) => sum + upload.file.size, 0),
    },
  };
}
