import { findActionForUser } from "@/lib/gpt-actions/find-action";
import { isConnected } from "@/lib/gpt-actions/oauth/connections";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { isConnected }: has the signed-in user connected their account for this action? */
export const GET = route<undefined, { id: string; actionId: string }>(
  { access: "user" },
  async ({ actor, params }) => {
    await findActionForUser({ actor, gptId: params.id, actionId: params.actionId });
    return { isConnected: await isConnected({ actor, actionId: params.actionId }) };
  },
);
