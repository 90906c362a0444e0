"use client";

import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useModerationSettings } from "@/lib/moderation/review/hooks";
import { SettingsSection } from "../settings-section";
import { ModerationSettingsForm } from "./moderation-settings-form";

/** Admin → Settings: which public listings wait for a moderator, and the automatic checks' lists. */
export function ModerationSettings() {
  const settings = useModerationSettings();
  return (
    <div className="rounded-xl border bg-card p-4 sm:p-6">
      <SettingsSection
        id="store-moderation"
        title="Store moderation"
        description="Public GPTs pass automatic checks before the store lists them; a flagged listing waits in Reviews for a moderator."
      >
        {settings.isPending ? (
          <Skeleton className="h-96 w-full" />
        ) : settings.isError ? (
          <LoadErrorAlert
            title="The moderation settings could not be loaded"
            message={settings.error.message}
            isRetrying={settings.isFetching}
            onRetry={() => void settings.refetch()}
          />
        ) : (
          <ModerationSettingsForm settings={settings.data} />
        )}
      </SettingsSection>
    </div>
  );
}
