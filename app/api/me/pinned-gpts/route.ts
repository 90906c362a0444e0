import { pinGpt, pinGptSchema } from "@/lib/chat/pins/pin-gpt";
import { listPinnedGpts } from "@/lib/chat/pins/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET: the GPTs the signed-in user keeps in the sidebar. */
export const GET = route({ access: "user" }, async ({ actor }) => ({
  pinnedGpts: await listPinnedGpts({ actor }),
}));

/** POST { gptId }: keep a GPT in the sidebar (idempotent). */
export const POST = route<typeof pinGptSchema>(
  { access: "user", body: pinGptSchema },
  async ({ actor, body }) => ({ pinnedGpt: await pinGpt({ actor, gptId: body.gptId }) }),
);
