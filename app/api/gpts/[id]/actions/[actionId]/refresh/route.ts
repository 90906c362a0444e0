import { refreshMcpTools } from "@/lib/gpt-actions/refresh-mcp-tools";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST → { action }: lists the MCP server's tools again. */
export const POST = route<undefined, { id: string; actionId: string }>(
  { access: "user" },
  async ({ actor, params }) => ({
    action: await refreshMcpTools({ actor, gptId: params.id, actionId: params.actionId }),
  }),
);
