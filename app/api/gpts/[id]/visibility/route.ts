import { setGptVisibility } from "@/lib/gpts/set-gpt-visibility";
import { setGptVisibilitySchema } from "@/lib/gpts/version-schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Who can open the GPT, effective at once without publishing → `{ visibility }`. */
export const PUT = route<typeof setGptVisibilitySchema, { id: string }>(
  { access: "user", body: setGptVisibilitySchema },
  ({ actor, body, params }) => setGptVisibility({ actor, gptId: params.id, input: body }),
);
