import { route } from "@/lib/http/route";
import { getAdminMonth } from "@/lib/payouts/admin-earnings";
import { jsonify } from "@/lib/utils/jsonify";

export const dynamic = "force-dynamic";

/** GET → Jsonified<MonthView>: a closed month as booked, or an open one as closing it would book. */
export const GET = route<undefined, { month: string }>(
  { access: "admin" },
  async ({ actor, params }) => jsonify(await getAdminMonth({ actor, month: params.month })),
);
