"use client";

import { ImageUp, Trash2 } from "lucide-react";
import { useId, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import {
  ACCEPTED_AVATAR_LABEL,
  ACCEPTED_AVATAR_TYPES,
  MAX_AVATAR_BYTES,
} from "@/lib/gpts/avatar/avatar-rules";
import { useRemoveProfileAvatar, useUploadProfileAvatar } from "@/lib/users/profile-hooks";

const accept = Object.keys(ACCEPTED_AVATAR_TYPES).join(",");

/** The profile picture: upload (checked again on the server by content), or back to initials. */
export function ProfileAvatarField({
  name,
  avatarUrl,
  isSaved,
}: {
  name: string;
  avatarUrl: string | null;
  isSaved: boolean;
}) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useUploadProfileAvatar();
  const remove = useRemoveProfileAvatar();

  function choose(file: File | undefined) {
    if (inputRef.current) inputRef.current.value = "";
    if (!file) return;
    setError(null);
    if (!(file.type in ACCEPTED_AVATAR_TYPES)) {
      return setError(`Choose a ${ACCEPTED_AVATAR_LABEL} picture.`);
    }
    if (file.size > MAX_AVATAR_BYTES) return setError("The picture is larger than 2 MB.");
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: () => toast.success("Profile picture updated"),
        onError: (caught) => setError(caught.message),
        onSettled: () => setProgress(null),
      },
    );
  }

  const describedBy = `${inputId}-hint${error ? ` ${inputId}-error` : ""}`;
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-center" data-testid="avatar-field">
      <GptAvatar name={name || "?"} src={avatarUrl} alt="Your profile picture" size="xl" />
      <div className="grid gap-2">
        <div className="flex flex-wrap gap-2">
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept={accept}
            className="sr-only"
            aria-label="Profile picture file"
            tabIndex={-1}
            disabled={!isSaved || upload.isPending}
            aria-describedby={describedBy}
            onChange={(event) => choose(event.target.files?.[0])}
          />
          <Button
            type="button"
            variant="outline"
            size="sm"
            disabled={!isSaved}
            isLoading={upload.isPending}
            onClick={() => inputRef.current?.click()}
          >
            <ImageUp aria-hidden />
            {progress !== null ? `Uploading ${Math.round(progress * 100)}%` : "Upload picture"}
          </Button>
          {avatarUrl ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              isLoading={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => toast.success("Profile picture removed"),
                  onError: (caught) => toast.error(caught.message),
                })
              }
            >
              <Trash2 aria-hidden /> Remove
            </Button>
          ) : null}
        </div>
        <p id={`${inputId}-hint`} className="text-sm text-muted-foreground">
          {isSaved
            ? `${ACCEPTED_AVATAR_LABEL}, up to 2 MB. Cropped to a square.`
            : "Save your profile first, then add a picture."}
        </p>
        {error ? (
          <p id={`${inputId}-error`} role="alert" className="text-sm font-medium text-destructive">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
