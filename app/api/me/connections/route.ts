import { listConnections } from "@/lib/gpt-actions/oauth/connections";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { connections }: the signed-in user's OAuth connections to GPT actions. */
export const GET = route({ access: "user" }, async ({ actor }) => ({
  connections: await listConnections(actor),
}));
