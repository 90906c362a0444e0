import { route } from "@/lib/http/route";
import { appealDecision } from "@/lib/moderation/appeals";
import { appealInputSchema } from "@/lib/moderation/schemas";

export const dynamic = "force-dynamic";

/**
 * POST { decisionId, text } → { appeal }: the owner appeals a decision about their GPT, once.
 * 409 for a second appeal or a decision that no longer applies.
 */
export const POST = route<typeof appealInputSchema, { id: string }>(
  { access: "user", body: appealInputSchema },
  async ({ actor, body, params }) => ({
    appeal: await appealDecision({ actor, gptId: params.id, input: body }),
  }),
);
