import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportsQueue } from "@/components/moderation/reports-queue";
import { getActor, isModerator } from "@/lib/auth/session";
import { listReportsForAdmin } from "@/lib/moderation/report-queries";
import { reportQueueFilterSchema } from "@/lib/moderation/schemas";

export const metadata: Metadata = { title: "Reports" };

type ReportsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminReportsPage({ searchParams }: ReportsPageProps) {
  // Layouts and pages render in parallel: the page checks the role itself.
  const actor = await getActor();
  if (!actor || !isModerator(actor)) notFound();
  const filter = reportQueueFilterSchema.parse((await searchParams).status ?? "open");
  const page = await listReportsForAdmin({ actor, filter });
  return <ReportsQueue key={filter} initialPage={page} />;
}
