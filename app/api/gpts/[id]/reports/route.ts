import { route } from "@/lib/http/route";
import { reportGpt } from "@/lib/moderation/report-gpt";
import { reportInputSchema } from "@/lib/moderation/schemas";

export const dynamic = "force-dynamic";

/** POST { reason, details } → { report: { id } }. 409 while the actor's last report is open. */
export const POST = route<typeof reportInputSchema, { id: string }>(
  { access: "user", body: reportInputSchema },
  async ({ actor, body, params }) => ({
    report: await reportGpt({ actor, gptId: params.id, input: body }),
  }),
);
