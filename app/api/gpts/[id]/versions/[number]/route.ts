import { AppError } from "@/lib/errors";
import { getGptVersion } from "@/lib/gpts/version-queries";
import { parseVersionNumber } from "@/lib/gpts/version-schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** One version read-only, with its field-by-field diff against the draft → `{ version, diff }`. */
export const GET = route<undefined, { id: string; number: string }>(
  { access: "user" },
  ({ actor, params }) => {
    const number = parseVersionNumber(params.number);
    if (number === null) throw new AppError("not_found", "Version not found.");
    return getGptVersion({ actor, gptId: params.id, number });
  },
);
