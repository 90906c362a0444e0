import { route } from "@/lib/http/route";
import { countOpenReports, listReportGroups } from "@/lib/moderation/report-queries";
import { reportQueueFilterSchema } from "@/lib/moderation/schemas";
import { reviewPageSchema } from "@/lib/reviews/schemas";

export const dynamic = "force-dynamic";

/**
 * GET ?status=open|closed&page= → ReportGroupsPage: one row per reported GPT.
 * GET ?count=open → { openCount } only (open reports, not GPTs): the admin nav's badge.
 */
export const GET = route({ access: "moderator" }, async ({ actor, request }) => {
  const search = new URL(request.url).searchParams;
  if (search.get("count") === "open") return { openCount: await countOpenReports({ actor }) };
  return listReportGroups({
    actor,
    filter: reportQueueFilterSchema.parse(search.get("status") ?? "open"),
    page: reviewPageSchema.parse(search.get("page") ?? 1),
  });
});
