import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BillingOverview } from "@/components/admin/billing/billing-overview";
import { BillingSettingsForm } from "@/components/admin/billing/billing-settings-form";
import { PlansManager } from "@/components/admin/billing/plans-manager";
import { getActor } from "@/lib/auth/session";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { getBillingOverview, toBillingOverviewJson } from "@/lib/billing/overview";
import { listPlans, toPublicPlan } from "@/lib/billing/plans";

export const metadata: Metadata = { title: "Billing" };
export const dynamic = "force-dynamic";

/** Admin → Billing: revenue at a glance, the plans, and what credits cost (layout: Stripe only). */
export default async function AdminBillingPage() {
  // Layouts and pages render in parallel: the page checks the role itself.
  const actor = await getActor();
  if (actor?.role !== "ADMIN") notFound();
  const [overview, plans, settings] = await Promise.all([
    getBillingOverview({ actor }),
    listPlans({ includeArchived: true }),
    getBillingSettings({ actor }),
  ]);
  return (
    <div className="grid gap-10">
      <BillingOverview overview={toBillingOverviewJson(overview)} />
      <PlansManager initialPlans={plans.map(toPublicPlan)} />
      <BillingSettingsForm initialSettings={settings} />
    </div>
  );
}
