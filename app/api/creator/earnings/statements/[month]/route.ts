import { z } from "zod";
import { route } from "@/lib/http/route";
import { getCreatorStatement, statementCsv } from "@/lib/payouts/creator-earnings";
import { jsonify } from "@/lib/utils/jsonify";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(["json", "csv"]).catch("json");

/** GET → Jsonified<StatementDetail>; ?format=csv → the statement's lines as a CSV download. */
export const GET = route<undefined, { month: string }>(
  { access: "user" },
  async ({ actor, params, request }) => {
    const statement = await getCreatorStatement({ actor, month: params.month });
    if (formatSchema.parse(new URL(request.url).searchParams.get("format") ?? "json") === "json") {
      return jsonify(statement);
    }
    return new Response(statementCsv(statement), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="atelier-statement-${statement.month}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
