import { AppError } from "@/lib/errors";
import { deleteGpt } from "@/lib/gpts/delete-gpt";
import { getGptForEditor } from "@/lib/gpts/queries";
import { updateGptDraftSchema } from "@/lib/gpts/schemas";
import { updateGptDraft } from "@/lib/gpts/update-gpt-draft";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The owner's editor payload (instructions included). Anyone else gets 404. */
export const GET = route<undefined, Params>({ access: "user" }, async ({ actor, params }) => {
  const gpt = await getGptForEditor({ actor, gptId: params.id });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  return { gpt };
});

/** Saves the draft; the body carries the revision the editor loaded → `{ revision }` or 409. */
export const PATCH = route<typeof updateGptDraftSchema, Params>(
  { access: "user", body: updateGptDraftSchema },
  ({ actor, body, params }) => updateGptDraft({ actor, gptId: params.id, input: body }),
);

/** Soft-deletes the caller's GPT (its conversations keep their history) → `{ ok: true }`. */
export const DELETE = route<undefined, Params>({ access: "user" }, ({ actor, params }) =>
  deleteGpt({ actor, gptId: params.id }),
);
