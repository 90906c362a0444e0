"use client";

import { FileUp, Upload } from "lucide-react";
import { useDropzone } from "react-dropzone";
import { Button } from "@/components/ui/button";
import {
  ACCEPTED_KNOWLEDGE_EXTENSIONS,
  ACCEPTED_KNOWLEDGE_TYPES_LABEL,
} from "@/lib/knowledge/parse/accepted-types";
import { cn } from "@/lib/utils/cn";

const ACCEPT_ATTRIBUTE = ACCEPTED_KNOWLEDGE_EXTENSIONS.join(",");

export type KnowledgeDropzoneProps = {
  onFiles: (files: File[]) => void;
  /** e.g. "up to 50 MB each"; appended to the accepted types. */
  sizeHint?: string;
  isDisabled?: boolean;
  /** Shown instead of the hint while disabled (e.g. the file limit is reached). */
  disabledReason?: string;
};

/**
 * Drop files anywhere on the zone, or "Add files" (the keyboard path). The picker offers the
 * accepted extensions; dropped files are not filtered by type here, because the server decides
 * from the content and answers with a message naming the accepted types.
 */
export function KnowledgeDropzone({
  onFiles,
  sizeHint,
  isDisabled = false,
  disabledReason,
}: KnowledgeDropzoneProps) {
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    multiple: true,
    noClick: true,
    noKeyboard: true,
    disabled: isDisabled,
    onDrop: (files) => {
      if (files.length > 0) onFiles(files);
    },
  });
  const hint =
    isDisabled && disabledReason
      ? disabledReason
      : `${ACCEPTED_KNOWLEDGE_TYPES_LABEL}${sizeHint ? `, ${sizeHint}` : ""}.`;

  return (
    <div
      {...getRootProps({
        className: cn(
          "flex flex-col items-center gap-3 rounded-lg border border-dashed px-4 py-6 text-center transition-colors",
          isDragActive && "border-primary bg-primary/5",
          isDisabled && "opacity-70",
        ),
      })}
      data-testid="knowledge-dropzone"
    >
      <input
        {...getInputProps({
          id: "gpt-knowledge-files",
          accept: ACCEPT_ATTRIBUTE,
          "aria-label": "Knowledge files",
        })}
      />
      <span
        aria-hidden="true"
        className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground"
      >
        <FileUp className="size-5" />
      </span>
      <div className="grid gap-1">
        <p className="text-sm font-medium">
          {isDragActive ? "Drop the files to upload them" : "Drag files here, or"}
        </p>
        <p id="gpt-knowledge-files-hint" className="text-xs text-muted-foreground text-pretty">
          {hint}
        </p>
      </div>
      <Button
        type="button"
        variant="outline"
        size="sm"
        disabled={isDisabled}
        aria-describedby="gpt-knowledge-files-hint"
        onClick={open}
      >
        <Upload aria-hidden="true" />
        Add files
      </Button>
    </div>
  );
}
