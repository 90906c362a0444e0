"use client";

import { CircleCheck, Clock } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { PublishedGpt } from "@/lib/gpts/api-client";
import type { PublishGptInput } from "@/lib/gpts/schemas";
import { type GptVisibility, gptPath, visibilityLabel } from "@/lib/gpts/visibility";
import type { ListingOutcome } from "@/lib/moderation/review/schemas";
import { BuilderProfileField } from "./sharing/builder-profile-field";
import { usePublicProfileRequirement } from "./sharing/use-public-profile-requirement";
import { VisibilityRadioGroup } from "./sharing/visibility-radio-group";
import { usePublicUrl } from "./use-public-url";

const RELEASE_NOTE_MAX = 500;

/** The publish response with the store listing's outcome (lib/gpts/publish-gpt.ts). */

type PublishDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  gptName: string;
  visibility: GptVisibility;
  nextVersionNumber: number;
  isPublishing: boolean;
  onPublish: (input: PublishGptInput) => Promise<PublishedGpt>;
};

export function PublishDialog({ open, onOpenChange, ...props }: PublishDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        // Closing mid-publish would hide the outcome; the request cannot be cancelled anyway.
        if (!next && props.isPublishing) return;
        onOpenChange(next);
      }}
    >
      {/* Content unmounts on close, so every opening starts from a fresh form. */}
      <DialogContent className="sm:max-w-lg">
        <PublishDialogBody {...props} />
      </DialogContent>
    </Dialog>
  );
}

function PublishDialogBody({
  gptName,
  visibility: initialVisibility,
  nextVersionNumber,
  isPublishing,
  onPublish,
}: Omit<PublishDialogProps, "open" | "onOpenChange">) {
  const [visibility, setVisibility] = useState(initialVisibility);
  const [releaseNote, setReleaseNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<PublishedGpt | null>(null);
  // Covers the save that runs before the publish request, not just the request itself.
  const [isSubmitting, setIsSubmitting] = useState(false);
  const profile = usePublicProfileRequirement({ isPublicChosen: visibility === "PUBLIC" });
  const isBusy = isSubmitting || isPublishing;

  if (result) return <PublishedView gptName={gptName} result={result} />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setIsSubmitting(true);
    try {
      if (!(await profile.ensureProfile())) return;
      const published: PublishedGpt = await onPublish({
        visibility,
        releaseNote: releaseNote.trim() || undefined,
      });
      setResult(published);
      toast.success(`Published version ${published.number}`, {
        description:
          published.listing?.status === "IN_REVIEW"
            ? "It waits for a moderator before the store lists it."
            : `${gptName || "Your GPT"} is live: ${visibilityLabel(published.visibility)}.`,
      });
    } catch (caught) {
      if (profile.handleServerError(caught)) return;
      setError(caught instanceof Error ? caught.message : "Publishing failed. Please try again.");
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <form className="grid gap-5" onSubmit={handleSubmit}>
      <DialogHeader>
        <DialogTitle>Publish {gptName ? `“${gptName}”` : "your GPT"}</DialogTitle>
        <DialogDescription>
          Your saved draft becomes version {nextVersionNumber}. Later edits stay in your draft until
          you publish again.
        </DialogDescription>
      </DialogHeader>

      <VisibilityRadioGroup
        legend="Who can chat with it"
        value={visibility}
        onChange={(next) => {
          setVisibility(next);
          setError(null);
        }}
        isDisabled={isBusy}
      />

      {profile.isFieldShown ? (
        <BuilderProfileField
          id="publish-display-name"
          value={profile.displayName}
          onChange={profile.setDisplayName}
          error={profile.error}
          isDisabled={isBusy}
        />
      ) : null}

      <Field
        id="publish-release-note"
        label="Release note (optional)"
        description="What changed in this version. Shown in the version history."
      >
        <Textarea
          value={releaseNote}
          maxLength={RELEASE_NOTE_MAX}
          rows={2}
          placeholder="e.g. Friendlier tone, new starters"
          onChange={(event) => setReleaseNote(event.target.value)}
        />
      </Field>

      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}

      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline" disabled={isBusy}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" isLoading={isBusy} disabled={profile.isChecking}>
          Publish
        </Button>
      </DialogFooter>
    </form>
  );
}

function PublishedView({ gptName, result }: { gptName: string; result: PublishedGpt }) {
  const url = usePublicUrl(result.slug);
  const name = gptName || "Your GPT";
  const listing = result.listing ?? null;
  const isInReview = listing?.status === "IN_REVIEW";
  const audience =
    result.visibility === "PUBLIC"
      ? isInReview
        ? `Waiting for review: ${name} will be listed in the store once a moderator approves it. Until then, anyone with the link can chat with it.`
        : listing?.status === "UNLISTED"
          ? `${name} was taken out of the store by a moderator, so it is not listed. Anyone with the link can chat with it.`
          : `${name} is listed in the store, and anyone can chat with it.`
      : result.visibility === "LINK"
        ? `Anyone with the link can chat with ${name}. It’s not listed in the store.`
        : `Only you can chat with ${name}. Change that any time under Share.`;
  return (
    <div className="grid gap-5">
      <DialogHeader className="items-center text-center sm:items-start sm:text-left">
        {isInReview ? (
          <Clock aria-hidden="true" className="size-8 text-warning" />
        ) : (
          <CircleCheck aria-hidden="true" className="size-8 text-success" />
        )}
        <DialogTitle>Published v{result.number}</DialogTitle>
        <DialogDescription>{audience}</DialogDescription>
      </DialogHeader>
      {isInReview && listing ? <InReviewNote listing={listing} /> : null}
      <LeftOutKnowledgeNote result={result} />
      <div className="flex min-w-0 items-center gap-2 rounded-md border bg-muted/40 py-1 pr-1 pl-3">
        <span className="min-w-0 flex-1 truncate font-mono text-sm" data-testid="published-link">
          {url}
        </span>
        <CopyButton value={url} label="Copy link" />
      </div>
      <DialogFooter>
        <Button variant="outline" asChild>
          <Link href={gptPath(result.slug)}>View GPT</Link>
        </Button>
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </DialogFooter>
    </div>
  );
}

/** Why the listing waits: the automatic checks' findings, or the store's review policy. */
function InReviewNote({ listing }: { listing: ListingOutcome }) {
  return (
    <Alert variant="warning" data-testid="listing-review-note">
      <AlertDescription className="grid gap-2">
        {listing.findings.length > 0 ? (
          <>
            <span>The automatic checks flagged your listing:</span>
            <ul className="grid list-disc gap-1 pl-5">
              {listing.findings.map((finding) => (
                <li key={finding}>{finding}</li>
              ))}
            </ul>
            <span>A moderator decides whether to list it. You will be notified.</span>
          </>
        ) : (
          <span>
            A moderator reviews public listings on this store before they appear in it. You will be
            notified of the decision.
          </span>
        )}
      </AlertDescription>
    </Alert>
  );
}

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Knowledge files that were not ready are not part of the version: say so, not silently. */
function LeftOutKnowledgeNote({ result }: { result: PublishedGpt }) {
  const { knowledgeFilesProcessing: processing, knowledgeFilesFailed: failed } = result;
  if (processing === 0 && failed === 0) return null;
  const parts = [
    processing > 0 ? `${plural(processing, "knowledge file")} still processing` : null,
    failed > 0 ? `${plural(failed, "failed knowledge file")}` : null,
  ].filter(Boolean);
  return (
    <Alert variant="warning">
      <AlertDescription>
        {parts.join(" and ")} {processing + failed === 1 ? "is" : "are"} not in version{" "}
        {result.number}. Publish again once{" "}
        {processing > 0 ? "processing finishes" : "they are fixed"} to include{" "}
        {processing + failed === 1 ? "it" : "them"}.
      </AlertDescription>
    </Alert>
  );
}
