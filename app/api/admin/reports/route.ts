import { route } from "@/lib/http/route";
import { countOpenReports, listReportsForAdmin } from "@/lib/moderation/report-queries";
import { reportQueueFilterSchema } from "@/lib/moderation/schemas";
import { reviewPageSchema } from "@/lib/reviews/schemas";

export const dynamic = "force-dynamic";

/**
 * GET ?status=open|closed&page= → AdminReportsPage (with the instance's open count).
 * GET ?count=open → { openCount } only: the admin nav's badge, one cheap count.
 */
export const GET = route({ access: "moderator" }, async ({ actor, request }) => {
  const search = new URL(request.url).searchParams;
  if (search.get("count") === "open") return { openCount: await countOpenReports({ actor }) };
  return listReportsForAdmin({
    actor,
    filter: reportQueueFilterSchema.parse(search.get("status") ?? "open"),
    page: reviewPageSchema.parse(search.get("page") ?? 1),
  });
});
