import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreatorNav } from "@/components/creator/creator-nav";
import { EarningsView } from "@/components/payouts/earnings-view";
import { getActor } from "@/lib/auth/session";
import { getCreatorEarnings } from "@/lib/payouts/creator-earnings";
import { jsonify } from "@/lib/utils/jsonify";

export const metadata: Metadata = { title: "Earnings" };
export const dynamic = "force-dynamic";

/** Creator → Earnings (the layout hides it without Stripe). */
export default async function CreatorEarningsPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/creator/earnings");
  const earnings = await getCreatorEarnings({ actor });
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <CreatorNav hasEarnings />
      <EarningsView initial={jsonify(earnings)} />
    </main>
  );
}
