import { duplicateGpt } from "@/lib/gpts/duplicate-gpt";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Copies the caller's own draft into a new private GPT → 201 `{ id, slug, name }`. */
export const POST = route<undefined, { id: string }>(
  { access: "user" },
  async ({ actor, params }) => {
    const copy = await duplicateGpt({ actor, gptId: params.id });
    return Response.json(copy, { status: 201 });
  },
);
