import { removeApiActions } from "@/lib/api-keys/action-permissions";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** DELETE → { isRemoved }: that GPT's actions are refused over the API again (idempotent). */
export const DELETE = route<undefined, { gptId: string }>(
  { access: "user" },
  async ({ actor, params }) => removeApiActions({ actor, gptId: params.gptId }),
);
