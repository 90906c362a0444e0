import { remixGpt } from "@/lib/gpts/remix-gpt";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Copies a published GPT whose owner allows remixing into a new private draft of the caller's
 * → 201 `{ id, slug }`; 403 when remixing is not allowed, 404 when the caller cannot see it.
 */
export const POST = route<undefined, { id: string }>(
  { access: "user" },
  async ({ actor, params }) => {
    const remix = await remixGpt({ actor, gptId: params.id });
    return Response.json(remix, { status: 201 });
  },
);
