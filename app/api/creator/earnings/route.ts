import { route } from "@/lib/http/route";
import { getCreatorEarnings } from "@/lib/payouts/creator-earnings";
import { jsonify } from "@/lib/utils/jsonify";

export const dynamic = "force-dynamic";

/** GET → Jsonified<CreatorEarnings>: the signed-in creator's balance, statements and payouts. */
export const GET = route({ access: "user" }, async ({ actor }) =>
  jsonify(await getCreatorEarnings({ actor })),
);
