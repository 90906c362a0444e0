import { revokeInvitation } from "@/lib/accounts/invitations";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** DELETE → { ok }: withdraws a pending invitation; its link stops working. */
export const DELETE = route<undefined, { id: string }>(
  { access: "admin" },
  async ({ actor, params }) => {
    await revokeInvitation({ actor, id: params.id });
    return { ok: true };
  },
);
