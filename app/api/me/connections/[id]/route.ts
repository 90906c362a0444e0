import { disconnectAction } from "@/lib/gpt-actions/oauth/connections";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** DELETE → { ok: true }: forgets the user's tokens for that action. */
export const DELETE = route<undefined, { id: string }>(
  { access: "user" },
  async ({ actor, params }) => {
    await disconnectAction({ actor, connectionId: params.id });
    return { ok: true };
  },
);
