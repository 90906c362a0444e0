import { apiRoute } from "@/lib/api/api-route";
import { respond } from "@/lib/api/management/respond";
import { publishGptBodySchema, publishResultSchema } from "@/lib/api/management/schemas";
import { publishGpt } from "@/lib/gpts/publish-gpt";

export const dynamic = "force-dynamic";

/**
 * Publishes the saved draft as the next version (the UI's publish): READY knowledge files go
 * live with it; files still processing or failed are left out and counted in the result.
 */
export const POST = apiRoute<typeof publishGptBodySchema, { id: string }>(
  { scope: "gpts:write", body: publishGptBodySchema },
  async ({ actor, body, params }) =>
    respond(publishResultSchema, await publishGpt({ actor, gptId: params.id, input: body })),
);
