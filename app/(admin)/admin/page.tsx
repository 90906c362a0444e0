import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AdminOverviewView } from "@/components/admin/admin-overview-view";
import { getAdminHome } from "@/lib/admin/queries";
import { getActor } from "@/lib/auth/session";
import { adminUserSearchSchema } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "Admin overview" };

type AdminPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminPage({ searchParams }: AdminPageProps) {
  // Layouts and pages render in parallel: the page checks the role itself.
  const actor = await getActor();
  // A moderator's admin area is the moderation queue.
  if (actor?.role === "MODERATOR") redirect("/admin/reports");
  if (actor?.role !== "ADMIN") notFound();
  const q = adminUserSearchSchema.parse((await searchParams).q);
  const home = await getAdminHome({ actor, q });
  return <AdminOverviewView actor={actor} home={home} q={q} />;
}
