import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditView } from "@/components/admin/audit/audit-view";
import { listAuditLog } from "@/lib/admin/audit-queries";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminAuditPage({ searchParams }: AuditPageProps) {
  // Layouts and pages render in parallel: the page checks the role itself (moderators get a 404).
  const actor = await getActor();
  if (actor?.role !== "ADMIN") notFound();
  const page = await listAuditLog({ actor, query: await searchParams });
  return <AuditView page={page} />;
}
