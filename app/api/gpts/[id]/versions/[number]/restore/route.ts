import { AppError } from "@/lib/errors";
import { restoreGptVersion } from "@/lib/gpts/restore-gpt-version";
import { parseVersionNumber, restoreGptVersionSchema } from "@/lib/gpts/version-schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Copies the version into the draft; the body carries the editor's revision →
 * `{ revision, values, matchesPublished }`, or 409 when another tab saved since.
 */
export const POST = route<typeof restoreGptVersionSchema, { id: string; number: string }>(
  { access: "user", body: restoreGptVersionSchema },
  ({ actor, body, params }) => {
    const number = parseVersionNumber(params.number);
    if (number === null) throw new AppError("not_found", "Version not found.");
    return restoreGptVersion({ actor, gptId: params.id, number, input: body });
  },
);
