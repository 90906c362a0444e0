"use client";

import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";
import { useSetGptVisibility } from "@/lib/gpts/version-hooks";
import { type GptVisibility, visibilityLabel } from "@/lib/gpts/visibility";
import { usePublicUrl } from "../use-public-url";
import { BuilderProfileField } from "./builder-profile-field";
import { usePublicProfileRequirement } from "./use-public-profile-requirement";
import { VisibilityRadioGroup } from "./visibility-radio-group";

export type ShareLinkFormProps = {
  gptId: string;
  slug: string;
  visibility: GptVisibility;
  isPublished: boolean;
  /** After the server applied it (no publish needed). */
  onVisibilityChange: (visibility: GptVisibility) => void;
};

/** Who can open the GPT, and its link (the Share dialog's first tab). */
export function ShareLinkForm({
  gptId,
  slug,
  visibility: current,
  isPublished,
  onVisibilityChange,
}: ShareLinkFormProps) {
  const [visibility, setVisibility] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const { mutateAsync: saveVisibility, isPending } = useSetGptVisibility();
  const profile = usePublicProfileRequirement({ isPublicChosen: visibility === "PUBLIC" });
  const url = usePublicUrl(slug);
  const isBusy = isPending || profile.isSavingProfile;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!(await profile.ensureProfile())) return;
    try {
      const result = await saveVisibility({ gptId, visibility });
      onVisibilityChange(result.visibility);
      toast.success(`Visibility: ${visibilityLabel(result.visibility)}`, {
        description: isPublished ? "The change applies right away." : undefined,
      });
    } catch (caught) {
      if (profile.handleServerError(caught)) return;
      setError(caught instanceof Error ? caught.message : "Could not change the visibility.");
    }
  }

  return (
    <form className="grid gap-5" onSubmit={handleSubmit}>
      {isPublished ? null : (
        <Alert>
          <AlertDescription>
            Not published yet: nobody else can open it until you publish. This setting applies from
            then on.
          </AlertDescription>
        </Alert>
      )}

      <VisibilityRadioGroup
        legend="Who can open it"
        value={visibility}
        onChange={(next) => {
          setVisibility(next);
          setError(null);
        }}
        isDisabled={isBusy}
      />

      {profile.isFieldShown ? (
        <BuilderProfileField
          id="share-display-name"
          value={profile.displayName}
          onChange={profile.setDisplayName}
          error={profile.error}
          isDisabled={isBusy}
        />
      ) : null}

      {isPublished ? (
        <div className="grid gap-1.5">
          <span className="text-sm font-medium">Link</span>
          <div className="flex min-w-0 items-center gap-2 rounded-md border bg-muted/40 py-1 pr-1 pl-3">
            <span className="min-w-0 flex-1 truncate font-mono text-sm" data-testid="share-link">
              {url}
            </span>
            <CopyButton value={url} label="Copy link" />
          </div>
          {current === "PRIVATE" ? (
            <p className="text-sm text-muted-foreground">Only you can open this link right now.</p>
          ) : null}
        </div>
      ) : null}

      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}

      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline" disabled={isBusy}>
            Close
          </Button>
        </DialogClose>
        <Button
          type="submit"
          isLoading={isBusy}
          disabled={visibility === current || profile.isChecking}
        >
          Save visibility
        </Button>
      </DialogFooter>
    </form>
  );
}
