"use client";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useEmbedSettings } from "@/lib/embed/hooks";
import { EmbedSettingsForm } from "./embed-settings-form";

type EmbedSettingsPanelProps = {
  gptId: string;
  gptName: string;
  isPublished: boolean;
};

/** Share → Embed on your site: the website widget's settings and the code to paste. */
export function EmbedSettingsPanel({ gptId, gptName, isPublished }: EmbedSettingsPanelProps) {
  const query = useEmbedSettings(gptId, { isEnabled: isPublished });

  if (!isPublished) {
    return (
      <Alert>
        <AlertDescription>
          Only a published GPT can be embedded on a website. Publish it first, then come back here
          for the code to paste into your site.
        </AlertDescription>
      </Alert>
    );
  }
  if (query.isPending) {
    return (
      <div className="grid gap-4" aria-busy="true">
        <span className="sr-only">Loading embed settings…</span>
        <Skeleton className="h-6 w-1/2" />
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-9 w-full" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <LoadErrorAlert
        title="Could not load the embed settings"
        message={query.error.message}
        isRetrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <EmbedSettingsForm gptId={gptId} gptName={gptName} saved={query.data.settings} />;
}
