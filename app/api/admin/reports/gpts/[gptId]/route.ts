import { route } from "@/lib/http/route";
import { moderateGpt } from "@/lib/moderation/resolve-report";
import { moderateGptSchema } from "@/lib/moderation/schemas";

export const dynamic = "force-dynamic";

/**
 * POST { action: "dismiss", reason? } | { action: "unlist" | "remove" | "restore", reason } on a
 * reported GPT → { result }. 409 when another moderator already acted.
 */
export const POST = route<typeof moderateGptSchema, { gptId: string }>(
  { access: "moderator", body: moderateGptSchema },
  async ({ actor, body, params }) => ({
    result: await moderateGpt({ actor, gptId: params.gptId, input: body }),
  }),
);
