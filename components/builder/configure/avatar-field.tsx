"use client";

import { ImagePlus, Trash2, Upload } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { type FileRejection, useDropzone } from "react-dropzone";
import { Button } from "@/components/ui/button";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/gpts/api-client";
import {
  ACCEPTED_AVATAR_LABEL,
  ACCEPTED_AVATAR_TYPES,
  MAX_AVATAR_BYTES,
} from "@/lib/gpts/avatar/avatar-rules";
import { avatarUrl } from "@/lib/gpts/avatar/avatar-url";
import { uploadAvatarRequest } from "@/lib/gpts/avatar/upload-avatar-request";
import { cn } from "@/lib/utils/cn";
import { AvatarColourPicker } from "./avatar-colour-picker";

type UploadState = { status: "idle" } | { status: "uploading"; progress: number };

function rejectionMessage(rejection: FileRejection): string {
  const code = rejection.errors[0]?.code;
  if (code === "file-too-large") {
    const megabytes = (Math.ceil((rejection.file.size / (1024 * 1024)) * 10) / 10).toFixed(1);
    return `The picture is ${megabytes} MB; the limit is 2 MB.`;
  }
  if (code === "too-many-files") return "Drop one picture at a time.";
  return `Choose a ${ACCEPTED_AVATAR_LABEL} picture.`;
}

/**
 * The GPT's picture: drop one on the avatar (or click it, or "Upload picture"), watch it upload,
 * replace or remove it; without one, initials on the chosen colour. The server checks the file by
 * its content and stores a 512 px WebP; the draft then names it by key.
 */
export function AvatarField({
  name,
  avatarKey,
  avatarColor,
  fieldErrors,
  onAvatarKeyChange,
  onAvatarColorChange,
}: {
  name: string;
  avatarKey: string | null;
  avatarColor: string | null;
  fieldErrors: { avatarKey?: string; avatarColor?: string };
  onAvatarKeyChange: (key: string | null) => void;
  onAvatarColorChange: (colour: string | null) => void;
}) {
  const [upload, setUpload] = useState<UploadState>({ status: "idle" });
  const [uploadError, setUploadError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  async function uploadFile(file: File) {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setUploadError(null);
    setUpload({ status: "uploading", progress: 0 });
    try {
      const uploaded = await uploadAvatarRequest({
        file,
        signal: controller.signal,
        onProgress: (progress) => setUpload({ status: "uploading", progress }),
      });
      onAvatarKeyChange(uploaded.key);
    } catch (error) {
      if (error instanceof ApiError && error.code === "aborted") return;
      setUploadError(
        error instanceof ApiError ? error.message : "The picture could not be uploaded.",
      );
    } finally {
      if (abortRef.current === controller) setUpload({ status: "idle" });
    }
  }

  const isUploading = upload.status === "uploading";
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    accept: ACCEPTED_AVATAR_TYPES,
    maxSize: MAX_AVATAR_BYTES,
    multiple: false,
    noClick: true,
    noKeyboard: true,
    disabled: isUploading,
    onDropAccepted: ([file]) => void uploadFile(file),
    onDropRejected: ([rejection]) => setUploadError(rejectionMessage(rejection)),
  });

  const src = avatarUrl(avatarKey);
  const error = uploadError ?? fieldErrors.avatarKey;
  const percent = isUploading ? Math.round(upload.progress * 100) : 0;
  const describedBy = ["gpt-avatar-hint", error ? "gpt-avatar-error" : null]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="grid gap-4">
      <div
        {...getRootProps({
          className: cn(
            "flex flex-col gap-4 rounded-lg border border-dashed p-4 transition-colors sm:flex-row sm:items-center",
            isDragActive && "border-primary bg-primary/5",
          ),
        })}
        data-testid="avatar-dropzone"
      >
        <input {...getInputProps({ id: "gpt-avatar-file", "aria-label": "Picture file" })} />
        <button
          type="button"
          className="relative size-20 shrink-0 self-center rounded-full outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background sm:self-auto"
          disabled={isUploading}
          aria-label={src ? "Change picture" : "Choose a picture"}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onClick={open}
        >
          <GptAvatar
            name={name || "Untitled GPT"}
            src={src}
            color={avatarColor}
            alt={src ? `Picture of ${name || "this GPT"}` : `Initials of ${name || "this GPT"}`}
            size="xl"
          />
          <span
            aria-hidden="true"
            className="absolute -right-0.5 -bottom-0.5 flex size-7 items-center justify-center rounded-full border bg-background text-foreground shadow-sm"
          >
            {isUploading ? (
              <Spinner size="sm" label="Uploading" />
            ) : (
              <ImagePlus className="size-4" />
            )}
          </span>
        </button>
        <div className="grid min-w-0 flex-1 gap-2">
          <span id="gpt-avatar-label" className="text-sm font-medium leading-none">
            Picture
          </span>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              variant="outline"
              size="sm"
              isLoading={isUploading}
              onClick={open}
              aria-describedby={describedBy}
            >
              {isUploading ? null : <Upload aria-hidden="true" />}
              {isUploading ? "Uploading…" : src ? "Replace picture" : "Upload picture"}
            </Button>
            {src && !isUploading ? (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => {
                  setUploadError(null);
                  onAvatarKeyChange(null);
                }}
              >
                <Trash2 aria-hidden="true" />
                Remove picture
              </Button>
            ) : null}
          </div>
          <p id="gpt-avatar-hint" className="text-sm text-muted-foreground">
            {ACCEPTED_AVATAR_LABEL}, up to 2 MB. Drop it here or choose a file; it is cropped to a
            square.
          </p>
          {isUploading ? (
            <div
              role="progressbar"
              aria-label="Uploading picture"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
            >
              <div
                className="h-full bg-primary transition-[width]"
                style={{ width: `${percent}%` }}
              />
            </div>
          ) : null}
          {error ? (
            <p id="gpt-avatar-error" role="alert" className="text-sm font-medium text-destructive">
              {error}
            </p>
          ) : null}
        </div>
      </div>
      <AvatarColourPicker
        name={name}
        value={avatarColor}
        error={fieldErrors.avatarColor}
        onChange={onAvatarColorChange}
      />
    </div>
  );
}
