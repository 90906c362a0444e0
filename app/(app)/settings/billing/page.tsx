import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BillingSettings } from "@/components/billing/billing-settings";
import { getActor } from "@/lib/auth/session";
import { getBillingAccount } from "@/lib/billing/account";

export const metadata: Metadata = { title: "Plan & billing" };
export const dynamic = "force-dynamic";

/** Settings → Plan & billing (the layout hides it without Stripe). */
export default async function BillingSettingsPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/settings/billing");
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:py-10">
      <BillingSettings initialAccount={await getBillingAccount(actor)} />
    </main>
  );
}
