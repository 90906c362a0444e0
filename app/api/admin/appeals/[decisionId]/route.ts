import { route } from "@/lib/http/route";
import { decideAppeal } from "@/lib/moderation/appeals";
import { decideAppealSchema } from "@/lib/moderation/schemas";

export const dynamic = "force-dynamic";

/** POST { outcome: "uphold" | "reverse", reply } → { result }. 409 if already decided. */
export const POST = route<typeof decideAppealSchema, { decisionId: string }>(
  { access: "moderator", body: decideAppealSchema },
  async ({ actor, body, params }) => ({
    result: await decideAppeal({ actor, decisionId: params.decisionId, input: body }),
  }),
);
