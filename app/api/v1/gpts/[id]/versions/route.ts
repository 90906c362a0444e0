import { apiRoute } from "@/lib/api/api-route";
import { respond } from "@/lib/api/management/respond";
import { versionListSchema } from "@/lib/api/management/schemas";
import { listGptVersions } from "@/lib/gpts/version-queries";

export const dynamic = "force-dynamic";

/** The GPT's published versions, newest first → `{ data }`. */
export const GET = apiRoute<undefined, { id: string }>(
  { scope: "gpts:read" },
  async ({ actor, params }) =>
    respond(versionListSchema, { data: await listGptVersions({ actor, gptId: params.id }) }),
);
