import { route } from "@/lib/http/route";
import { closeMonthInputSchema, closeMonthsAsAdmin } from "@/lib/payouts/admin-actions";

export const dynamic = "force-dynamic";

/** POST { month } → { results: [{ month, status }] }: closes it (and earlier open months). */
export const POST = route(
  { access: "admin", body: closeMonthInputSchema },
  async ({ actor, body }) => ({ results: await closeMonthsAsAdmin({ actor, month: body.month }) }),
);
