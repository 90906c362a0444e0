"use client";

import { useState } from "react";
import { ApiError } from "@/lib/gpts/api-client";
import { useBuilderProfile, useUpdateBuilderProfile } from "@/lib/users/builder-profile-hooks";
import { builderProfileSchema } from "@/lib/users/builder-profile-schema";

/**
 * "Public needs a creator display name", shared by the publish and share dialogs: knows whether
 * the field must be shown, holds its value (prefilled with the account name) and its error, and
 * saves the profile before the caller makes the GPT public.
 */
export function usePublicProfileRequirement({ isPublicChosen }: { isPublicChosen: boolean }) {
  const profileQuery = useBuilderProfile();
  const { mutateAsync: saveProfile, isPending: isSavingProfile } = useUpdateBuilderProfile();
  const [typedName, setTypedName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Set when the server refused Public for want of a profile that the query did not know about.
  const [isRequiredByServer, setIsRequiredByServer] = useState(false);

  const hasProfile = Boolean(profileQuery.data?.profile) && !isRequiredByServer;
  const isFieldShown =
    isPublicChosen && (isRequiredByServer || profileQuery.data?.profile === null);
  const displayName = typedName ?? profileQuery.data?.suggestedDisplayName ?? "";

  function setDisplayName(value: string) {
    setTypedName(value);
    setError(null);
  }

  /** Saves the typed name when the field is shown; false (with the error set) when it is invalid. */
  async function ensureProfile(): Promise<boolean> {
    if (!isFieldShown) return true;
    const parsed = builderProfileSchema.safeParse({ displayName });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter a display name.");
      return false;
    }
    try {
      await saveProfile(parsed.data);
      setIsRequiredByServer(false);
      return true;
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? (caught.fieldErrors.displayName?.[0] ?? caught.message)
          : "Could not save your display name.",
      );
      return false;
    }
  }

  /** True when a failed request was the server asking for the profile (the field now shows). */
  function handleServerError(caught: unknown): boolean {
    const message = caught instanceof ApiError ? caught.fieldErrors.displayName?.[0] : undefined;
    if (!message) return false;
    setIsRequiredByServer(true);
    setError(message);
    return true;
  }

  return {
    isFieldShown,
    hasProfile,
    /** Public is chosen but whether the field is needed is not known yet: hold the submit. */
    isChecking: isPublicChosen && profileQuery.isPending,
    isSavingProfile,
    displayName,
    setDisplayName,
    error,
    ensureProfile,
    handleServerError,
  };
}
