import { apiRoute } from "@/lib/api/api-route";
import { patchGptDraft } from "@/lib/api/management/draft-updates";
import { respond } from "@/lib/api/management/respond";
import { gptSchema, updateGptDraftBodySchema } from "@/lib/api/management/schemas";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getGptForEditor } from "@/lib/gpts/queries";

export const dynamic = "force-dynamic";

type Params = { id: string };

async function readGpt(actor: Actor, gptId: string): Promise<Response> {
  const gpt = await getGptForEditor({ actor, gptId });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  return respond(gptSchema, gpt);
}

/** The draft configuration and published version of one of the key owner's GPTs. */
export const GET = apiRoute<undefined, Params>({ scope: "gpts:read" }, ({ actor, params }) =>
  readGpt(actor, params.id),
);

/** Changes the fields sent in the draft (the rest keep their values) → the GPT; 409 if stale. */
export const PATCH = apiRoute<typeof updateGptDraftBodySchema, Params>(
  { scope: "gpts:write", body: updateGptDraftBodySchema },
  async ({ actor, body, params }) => {
    await patchGptDraft({ actor, gptId: params.id, input: body });
    return readGpt(actor, params.id);
  },
);
