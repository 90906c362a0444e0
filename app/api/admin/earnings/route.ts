import { route } from "@/lib/http/route";
import { getAdminEarnings } from "@/lib/payouts/admin-earnings";
import { jsonify } from "@/lib/utils/jsonify";

export const dynamic = "force-dynamic";

/** GET → Jsonified<AdminEarnings>: closed months, months waiting to close, payouts, holds. */
export const GET = route({ access: "admin" }, async ({ actor }) =>
  jsonify(await getAdminEarnings({ actor })),
);
