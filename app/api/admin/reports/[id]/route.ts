import { route } from "@/lib/http/route";
import { resolveReport } from "@/lib/moderation/resolve-report";
import { resolveReportSchema } from "@/lib/moderation/schemas";

export const dynamic = "force-dynamic";

/**
 * POST { action: "dismiss", reason? } closes this report; { action: "unlist" | "remove", reason }
 * acts on its GPT (closing all its open reports) → { result }. 409 if already closed.
 */
export const POST = route<typeof resolveReportSchema, { id: string }>(
  { access: "moderator", body: resolveReportSchema },
  async ({ actor, body, params }) => ({
    result: await resolveReport({ actor, reportId: params.id, input: body }),
  }),
);
