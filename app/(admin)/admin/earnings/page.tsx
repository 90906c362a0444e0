import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminEarningsView } from "@/components/admin/earnings/admin-earnings-view";
import { getActor } from "@/lib/auth/session";
import { getAdminEarnings } from "@/lib/payouts/admin-earnings";
import { jsonify } from "@/lib/utils/jsonify";

export const metadata: Metadata = { title: "Earnings" };
export const dynamic = "force-dynamic";

/** Admin → Earnings: the revenue pool's months, payouts, holds and rules (layout: Stripe only). */
export default async function AdminEarningsPage() {
  // Layouts and pages render in parallel: the page checks the role itself.
  const actor = await getActor();
  if (actor?.role !== "ADMIN") notFound();
  return <AdminEarningsView initial={jsonify(await getAdminEarnings({ actor }))} />;
}
