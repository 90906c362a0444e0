import { apiRoute } from "@/lib/api/api-route";
import { restoreVersionToDraft } from "@/lib/api/management/draft-updates";
import { respond } from "@/lib/api/management/respond";
import { restoreResultSchema, restoreVersionBodySchema } from "@/lib/api/management/schemas";
import { AppError } from "@/lib/errors";
import { parseVersionNumber } from "@/lib/gpts/version-schemas";

export const dynamic = "force-dynamic";

/**
 * Copies a version (configuration, knowledge files, actions) into the draft, as the editor's
 * "Restore" does; users see it after the next publish → `{ revision, matchesPublished }`.
 */
export const POST = apiRoute<typeof restoreVersionBodySchema, { id: string; number: string }>(
  { scope: "gpts:write", body: restoreVersionBodySchema },
  async ({ actor, body, params }) => {
    const number = parseVersionNumber(params.number);
    if (number === null) throw new AppError("not_found", "Version not found.");
    const restored = await restoreVersionToDraft({ actor, gptId: params.id, number, input: body });
    return respond(restoreResultSchema, restored);
  },
);
