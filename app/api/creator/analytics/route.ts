import { ZodError } from "zod";
import { analyticsCsv, analyticsCsvFilename } from "@/lib/analytics/csv";
import { getCreatorAnalytics } from "@/lib/analytics/queries";
import { parseAnalyticsQuery } from "@/lib/analytics/schemas";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET ?range=7|30|90&gptId= → CreatorAnalytics of the signed-in creator's GPTs (all, or one of
 * them; another's GPT is a 404). &format=csv → the per-day series as a CSV download.
 */
export const GET = route({ access: "user" }, async ({ actor, request }) => {
  const query = parseQuery(new URL(request.url).searchParams);
  const analytics = await getCreatorAnalytics({
    actor,
    gptId: query.gptId,
    rangeDays: query.range,
  });
  if (query.format === "json") return analytics;
  return new Response(analyticsCsv(analytics), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${analyticsCsvFilename(analytics)}"`,
      "Cache-Control": "no-store",
    },
  });
});

function parseQuery(params: URLSearchParams) {
  try {
    return parseAnalyticsQuery(params);
  } catch (error) {
    if (error instanceof ZodError) {
      throw new AppError("bad_request", error.issues[0]?.message ?? "Invalid query.");
    }
    throw error;
  }
}
