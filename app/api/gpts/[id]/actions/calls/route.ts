import { listActionCalls } from "@/lib/gpt-actions/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { calls: ActionCallLogEntry[] }: the latest calls, newest first (owner only). */
export const GET = route<undefined, { id: string }>(
  { access: "user" },
  async ({ actor, params }) => ({
    calls: await listActionCalls({ actor, gptId: params.id }),
  }),
);
