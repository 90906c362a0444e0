import { route } from "@/lib/http/route";
import { getGptModerationState } from "@/lib/moderation/creator-state";

export const dynamic = "force-dynamic";

/** GET → GptModerationState of the actor's own GPT (404 for anyone else's). */
export const GET = route<undefined, { id: string }>({ access: "user" }, async ({ actor, params }) =>
  getGptModerationState({ actor, gptId: params.id }),
);
