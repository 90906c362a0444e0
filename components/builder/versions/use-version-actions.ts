"use client";

import { toast } from "sonner";
import { isConflictError } from "@/lib/gpts/api-client";
import { useRestoreGptVersion, useUnpublishGpt } from "@/lib/gpts/version-hooks";
import type { GptDraftController } from "../use-gpt-draft";

function messageOf(error: unknown, fallback: string): string {
  if (isConflictError(error)) {
    return "This GPT was changed in another tab or window. Reload to get the latest version.";
  }
  return error instanceof Error ? error.message : fallback;
}

/**
 * Restore and unpublish, wired into the editor's draft controller: a restore runs in the save
 * queue after pending edits (with the revision they produced) and the form then shows the
 * restored draft; unpublishing clears the published state. Both report their outcome in a toast
 * and resolve false on failure, so confirmation dialogs stay open.
 */
export function useVersionActions(
  draft: Pick<GptDraftController, "withSavedDraft" | "adoptServerDraft" | "setPublished" | "gpt">,
) {
  const { mutateAsync: restoreVersion } = useRestoreGptVersion();
  const { mutateAsync: unpublishGpt } = useUnpublishGpt();

  async function restore(number: number): Promise<boolean> {
    try {
      const restored = await draft.withSavedDraft(({ gptId, revision }) =>
        restoreVersion({ gptId, number, revision }),
      );
      draft.adoptServerDraft(restored);
      toast.success(`Version ${number} restored to your draft`, {
        description: restored.matchesPublished
          ? "Your draft now matches the live version."
          : "Publish to make it live.",
      });
      return true;
    } catch (error) {
      toast.error(`Could not restore version ${number}`, {
        description: messageOf(error, "Please try again."),
      });
      return false;
    }
  }

  async function unpublish(): Promise<boolean> {
    const gptId = draft.gpt?.id;
    if (!gptId) return false;
    try {
      await unpublishGpt({ gptId });
      draft.setPublished(null);
      toast.success("Unpublished", {
        description: "Only you can open it now. Its versions are kept.",
      });
      return true;
    } catch (error) {
      toast.error("Could not unpublish", { description: messageOf(error, "Please try again.") });
      return false;
    }
  }

  return { restore, unpublish };
}
