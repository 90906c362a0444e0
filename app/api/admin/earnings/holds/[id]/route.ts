import { route } from "@/lib/http/route";
import { resolveHoldInputSchema } from "@/lib/payouts/admin-actions";
import { resolveEarningsHold } from "@/lib/payouts/resolve-hold";
import { jsonify } from "@/lib/utils/jsonify";

export const dynamic = "force-dynamic";

/** POST { decision: "release" | "void", note? } → { hold }: decided once, audit-logged. */
export const POST = route<typeof resolveHoldInputSchema, { id: string }>(
  { access: "admin", body: resolveHoldInputSchema },
  async ({ actor, body, params }) => ({
    hold: jsonify(
      await resolveEarningsHold({
        actor,
        holdId: params.id,
        decision: body.decision,
        note: body.note,
      }),
    ),
  }),
);
