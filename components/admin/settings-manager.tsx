"use client";

import { PageHeader } from "@/components/ui/page-header";
import {
  type InstanceSettingsView,
  useInstanceSettings,
} from "@/lib/knowledge/client/instance-settings";
import { useAdminModels } from "@/lib/models/hooks";
import type { PublicModelConfig } from "@/lib/models/schemas";
import { SettingsForm } from "./settings-form";

/**
 * The admin Settings page: chat limits, knowledge limits, the embedding model, the egress guard,
 * action limits.
 */
export function SettingsManager({
  initialSettings,
  initialModels,
  instanceSpendTodayMicros,
}: {
  initialSettings: InstanceSettingsView;
  initialModels: PublicModelConfig[];
  /** The instance's model spend so far today, as of loading the page. */
  instanceSpendTodayMicros?: number;
}) {
  const { data: settings } = useInstanceSettings(initialSettings);
  const { data: models } = useAdminModels(initialModels);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Chat limits and daily spend caps, limits on creators’ knowledge files, the model knowledge search uses for meaning, and what GPT actions may reach."
      />
      <div className="max-w-3xl rounded-xl border bg-card p-4 shadow-xs sm:p-6">
        <SettingsForm
          settings={settings}
          models={models}
          instanceSpendTodayMicros={instanceSpendTodayMicros}
        />
      </div>
    </>
  );
}
