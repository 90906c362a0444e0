import { createGpt } from "@/lib/gpts/create-gpt";
import { listMyGpts } from "@/lib/gpts/queries";
import { gptDraftSchema } from "@/lib/gpts/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The caller's GPTs for "My GPTs" (deleted ones left out) → `{ gpts }`. */
export const GET = route({ access: "user" }, async ({ actor }) => ({
  gpts: await listMyGpts({ actor }),
}));

/** Creates a private draft GPT owned by the caller → 201 `{ id, slug, revision }`. */
export const POST = route({ access: "user", body: gptDraftSchema }, async ({ actor, body }) => {
  const gpt = await createGpt({ actor, input: body });
  return Response.json(gpt, { status: 201 });
});
