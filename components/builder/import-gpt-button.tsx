"use client";

import { FileUp, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type FileRejection, useDropzone } from "react-dropzone";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/gpts/api-client";
import { useImportGptPackage } from "@/lib/gpts/hooks";
import type { ImportedGptPackage } from "@/lib/gpts/package/package-requests";
import { formatPackageProblems, GPT_PACKAGE_LIMITS } from "@/lib/gpts/package/package-schema";
import { cn } from "@/lib/utils/cn";

const ACCEPT = {
  "application/json": [".json"],
  "application/zip": [".zip"],
  "application/x-zip-compressed": [".zip"],
};

type Failure = { message: string; problems: string[] };

/** "Import" on My GPTs: a package (.json or .zip) becomes a new private draft, then opens. */
export function ImportGptButton() {
  const [open, setOpen] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        // The upload can't be taken back halfway; keep the outcome on screen.
        if (!next && isBusy) return;
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Upload aria-hidden="true" />
          Import
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <ImportGptBody onBusyChange={setIsBusy} onClose={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ImportGptBody({
  onBusyChange,
  onClose,
}: {
  onBusyChange: (isBusy: boolean) => void;
  onClose: () => void;
}) {
  const router = useRouter();
  const importPackage = useImportGptPackage();
  const [fileName, setFileName] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [imported, setImported] = useState<ImportedGptPackage | null>(null);
  const isUploading = importPackage.isPending;

  function openDraft(result: ImportedGptPackage) {
    onClose();
    router.push(`/gpts/${result.id}/edit`);
  }

  async function upload(file: File) {
    setFailure(null);
    setFileName(file.name);
    setProgress(0);
    onBusyChange(true);
    try {
      const result = await importPackage.mutateAsync({ file, onProgress: setProgress });
      if (result.warnings.length === 0) {
        toast.success("GPT imported", {
          description: "It’s a private draft until you publish it.",
        });
        openDraft(result);
      } else {
        setImported(result);
      }
    } catch (error) {
      setFailure({
        message: error instanceof Error ? error.message : "The package could not be imported.",
        problems: error instanceof ApiError ? formatPackageProblems(error.fieldErrors) : [],
      });
    } finally {
      onBusyChange(false);
    }
  }

  function handleRejection(rejections: FileRejection[]) {
    const first = rejections[0];
    if (!first) return;
    const tooLarge = first.errors.some((error) => error.code === "file-too-large");
    setFailure({
      message: `${first.file.name} can’t be imported.`,
      problems: [
        rejections.length > 1
          ? "Drop one package at a time."
          : tooLarge
            ? "The file is larger than 50 MB."
            : "Choose a .json or .zip GPT package.",
      ],
    });
  }

  const dropzone = useDropzone({
    accept: ACCEPT,
    multiple: false,
    // The "Choose a file" button opens the picker: a clickable, focusable drop area would be a
    // second, unlabelled control for the same thing.
    noClick: true,
    noKeyboard: true,
    maxSize: GPT_PACKAGE_LIMITS.zipBytes,
    disabled: isUploading,
    onDropAccepted: ([file]) => void upload(file),
    onDropRejected: handleRejection,
  });

  if (imported) {
    return (
      <div className="grid gap-5">
        <DialogHeader>
          <DialogTitle>Imported with notes</DialogTitle>
          <DialogDescription>
            The GPT is now a private draft of yours. A few things didn’t carry over:
          </DialogDescription>
        </DialogHeader>
        <Alert variant="warning">
          <AlertDescription>
            <ul className="grid list-disc gap-1 pl-4" data-testid="import-warnings">
              {imported.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
        <DialogFooter>
          <Button autoFocus onClick={() => openDraft(imported)}>
            Open the draft
          </Button>
        </DialogFooter>
      </div>
    );
  }

  return (
    <div className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Import a GPT</DialogTitle>
        <DialogDescription>
          Choose a GPT package (.json or .zip) exported from Atelier. It becomes a new private draft
          of yours; nothing is published.
        </DialogDescription>
      </DialogHeader>

      <div
        {...dropzone.getRootProps({
          className: cn(
            "flex min-h-40 flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed p-6 text-center transition-colors",
            dropzone.isDragActive && "border-primary bg-primary/5",
          ),
        })}
        data-testid="import-dropzone"
      >
        <input {...dropzone.getInputProps({ "aria-label": "GPT package file" })} />
        {isUploading ? (
          <UploadProgress fileName={fileName} progress={progress} />
        ) : (
          <>
            <FileUp aria-hidden="true" className="size-8 text-muted-foreground" />
            <p className="text-sm font-medium">
              {dropzone.isDragActive ? "Drop the package here" : "Drop a package here"}
            </p>
            <p className="text-sm text-muted-foreground">or</p>
            <Button type="button" variant="outline" size="sm" onClick={dropzone.open}>
              Choose a file
            </Button>
            <p className="text-xs text-muted-foreground">.json or .zip, up to 50 MB</p>
          </>
        )}
      </div>

      {failure ? <ImportFailure failure={failure} /> : null}
    </div>
  );
}

function UploadProgress({ fileName, progress }: { fileName: string | null; progress: number }) {
  const percent = Math.round(progress * 100);
  // Once the bytes are sent, the server still checks the package and creates the draft.
  const label = percent < 100 ? `Uploading… ${percent}%` : "Checking the package…";
  return (
    <div className="grid w-full max-w-xs justify-items-center gap-3">
      <Spinner label={label} size="lg" className="text-primary" />
      <p className="max-w-full truncate text-sm font-medium">{fileName}</p>
      <div
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p aria-hidden="true" className="text-xs text-muted-foreground">
        {label}
      </p>
    </div>
  );
}

function ImportFailure({ failure }: { failure: Failure }) {
  return (
    <Alert variant="destructive" data-testid="import-error">
      <AlertTitle>{failure.message}</AlertTitle>
      {failure.problems.length > 0 ? (
        <AlertDescription>
          <ul className="grid list-disc gap-1 pl-4 break-words">
            {failure.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p>Fix the file, or choose another one.</p>
        </AlertDescription>
      ) : null}
    </Alert>
  );
}
