import { route } from "@/lib/http/route";
import { modelConfigPatchSchema } from "@/lib/models/schemas";
import { updateModel } from "@/lib/models/update-model";

export const dynamic = "force-dynamic";

/** PATCH a partial ModelConfigInput (e.g. { isEnabled: false }) → { model: PublicModelConfig }. */
export const PATCH = route<typeof modelConfigPatchSchema, { id: string }>(
  { access: "admin", body: modelConfigPatchSchema },
  async ({ actor, body, params }) => ({
    model: await updateModel({ actor, id: params.id, input: body }),
  }),
);
