import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportsQueue } from "@/components/moderation/reports-queue";
import { getActor, isModerator } from "@/lib/auth/session";
import { listPendingAppeals } from "@/lib/moderation/appeals";
import { getModerationQueueCounts, listReportGroups } from "@/lib/moderation/report-queries";
import { moderationViewSchema } from "@/lib/moderation/schemas";

export const metadata: Metadata = { title: "Reports" };

type ReportsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminReportsPage({ searchParams }: ReportsPageProps) {
  // Layouts and pages render in parallel: the page checks the role itself.
  const actor = await getActor();
  if (!actor || !isModerator(actor)) notFound();
  const view = moderationViewSchema.parse((await searchParams).status ?? "open");
  if (view === "appeals") {
    const [appeals, counts] = await Promise.all([
      listPendingAppeals({ actor }),
      getModerationQueueCounts({ actor }),
    ]);
    return <ReportsQueue key={view} view={view} counts={counts} initialAppeals={appeals} />;
  }
  const groups = await listReportGroups({ actor, filter: view });
  return <ReportsQueue key={view} view={view} counts={groups} initialGroups={groups} />;
}
