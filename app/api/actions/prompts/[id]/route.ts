import { answerPrompt } from "@/lib/gpt-actions/consent/prompts";
import { promptDecisionSchema } from "@/lib/gpt-actions/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST { decision: allow | always | deny } → { ok: true }: answers a consent prompt in the chat. */
export const POST = route<typeof promptDecisionSchema, { id: string }>(
  { access: "user", body: promptDecisionSchema },
  async ({ actor, params, body }) => {
    await answerPrompt({ actor, promptId: params.id, decision: body.decision });
    return { ok: true };
  },
);
