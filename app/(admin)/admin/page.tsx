import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AdminOverviewView } from "@/components/admin/admin-overview-view";
import { getAdminHome } from "@/lib/admin/queries";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin overview" };

export default async function AdminPage() {
  // Layouts and pages render in parallel: the page checks the role itself.
  const actor = await getActor();
  // A moderator's admin area is the moderation queue.
  if (actor?.role === "MODERATOR") redirect("/admin/reports");
  if (actor?.role !== "ADMIN") notFound();
  const home = await getAdminHome({ actor });
  return <AdminOverviewView home={home} />;
}
