import { z } from "zod";
import {
  billingOverviewCsv,
  getBillingOverview,
  toBillingOverviewJson,
} from "@/lib/billing/overview";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(["json", "csv"]).catch("json");

/**
 * GET → BillingOverviewJson (micro-dollars as decimal strings).
 * GET ?format=csv → the last 12 UTC months as a CSV download, dollars with 2 decimals.
 */
export const GET = route({ access: "admin" }, async ({ actor, request }) => {
  const format = formatSchema.parse(new URL(request.url).searchParams.get("format") ?? "json");
  const overview = await getBillingOverview({ actor });
  if (format === "json") return toBillingOverviewJson(overview);
  return new Response(billingOverviewCsv(overview), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="atelier-billing-${overview.month}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
