import { apiRoute } from "@/lib/api/api-route";
import { parseQuery } from "@/lib/api/management/api-errors";
import { listGptsPage } from "@/lib/api/management/list-gpts";
import { respond } from "@/lib/api/management/respond";
import {
  createGptBodySchema,
  gptListSchema,
  gptSchema,
  listGptsQuerySchema,
} from "@/lib/api/management/schemas";
import { createGpt } from "@/lib/gpts/create-gpt";
import { getGptForEditor } from "@/lib/gpts/queries";

export const dynamic = "force-dynamic";

/** The key owner's GPTs, newest first, `?limit=&cursor=` → `{ data, nextCursor }`. */
export const GET = apiRoute({ scope: "gpts:read" }, async ({ actor, request }) => {
  const query = parseQuery(listGptsQuerySchema, request);
  return respond(gptListSchema, await listGptsPage({ actor, ...query }));
});

/** Creates a private draft GPT (the UI's create) → 201 with the GPT. */
export const POST = apiRoute(
  { scope: "gpts:write", body: createGptBodySchema },
  async ({ actor, body }) => {
    const created = await createGpt({ actor, input: body });
    return respond(gptSchema, await getGptForEditor({ actor, gptId: created.id }), {
      status: 201,
    });
  },
);
