import { createGptAction } from "@/lib/gpt-actions/create-gpt-action";
import { listGptActions } from "@/lib/gpt-actions/queries";
import { route } from "@/lib/http/route";
import { assertJsonContentType } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

/** GET → { actions: ActionView[], hasUnpublishedChanges } (owner only; no credentials). */
export const GET = route<undefined, { id: string }>({ access: "user" }, ({ actor, params }) =>
  listGptActions({ actor, gptId: params.id }),
);

/** POST CreateActionInput → 201 { action }: validates the document (or lists the MCP tools). */
export const POST = route<undefined, { id: string }>(
  { access: "user" },
  async ({ actor, params, request }) => {
    // Parsed by the domain function (its errors name the form's fields); declared JSON all the same.
    assertJsonContentType(request);
    const input = await request.json().catch(() => null);
    const action = await createGptAction({ actor, gptId: params.id, input });
    return Response.json({ action }, { status: 201 });
  },
);
