import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ModerationSettings } from "@/components/admin/moderation-settings/moderation-settings";
import { SettingsManager } from "@/components/admin/settings-manager";
import { SignUpSettings } from "@/components/admin/sign-ups/sign-up-settings";
import { getActor } from "@/lib/auth/session";
import { getInstanceSpendTodayForAdmin } from "@/lib/limits/queries";
import { listModelsForAdmin } from "@/lib/models/queries";
import { getInstanceSettingsForAdmin } from "@/lib/settings/update-instance-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function AdminSettingsPage() {
  // Layouts and pages render in parallel: the page checks the role itself.
  const actor = await getActor();
  if (actor?.role !== "ADMIN") notFound();
  const [settings, models, instanceSpendToday] = await Promise.all([
    getInstanceSettingsForAdmin({ actor }),
    listModelsForAdmin({ actor }),
    getInstanceSpendTodayForAdmin({ actor }),
  ]);
  return (
    <div className="grid gap-8">
      <SettingsManager
        initialSettings={settings}
        initialModels={models}
        instanceSpendTodayMicros={instanceSpendToday}
      />
      <SignUpSettings />
      <ModerationSettings />
    </div>
  );
}
