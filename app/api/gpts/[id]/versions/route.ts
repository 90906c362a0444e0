import { listGptVersions } from "@/lib/gpts/version-queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The owner's version history, newest first → `{ versions }`. Anyone else gets 404. */
export const GET = route<undefined, { id: string }>(
  { access: "user" },
  async ({ actor, params }) => ({
    versions: await listGptVersions({ actor, gptId: params.id }),
  }),
);
