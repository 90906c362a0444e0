import { deleteGptAction } from "@/lib/gpt-actions/delete-gpt-action";
import { updateGptAction } from "@/lib/gpt-actions/update-gpt-action";
import { route } from "@/lib/http/route";
import { assertJsonContentType } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

type Params = { id: string; actionId: string };

/** PATCH UpdateActionInput → { action }; an omitted secret keeps the stored one. */
export const PATCH = route<undefined, Params>(
  { access: "user" },
  async ({ actor, params, request }) => {
    // Parsed by the domain function (its errors name the form's fields); declared JSON all the same.
    assertJsonContentType(request);
    const input = await request.json().catch(() => null);
    return {
      action: await updateGptAction({ actor, gptId: params.id, actionId: params.actionId, input }),
    };
  },
);

/** DELETE → { ok: true }: removes the action from the draft (published versions keep theirs). */
export const DELETE = route<undefined, Params>({ access: "user" }, async ({ actor, params }) => {
  await deleteGptAction({ actor, gptId: params.id, actionId: params.actionId });
  return { ok: true };
});
