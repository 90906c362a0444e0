import { route } from "@/lib/http/route";
import { listModelsForAdmin } from "@/lib/models/queries";
import { saveModel } from "@/lib/models/save-model";
import { modelConfigInputSchema } from "@/lib/models/schemas";

export const dynamic = "force-dynamic";

/** GET → { models: PublicModelConfig[] } (never an API key). */
export const GET = route({ access: "admin" }, async ({ actor }) => ({
  models: await listModelsForAdmin({ actor }),
}));

/** POST ModelConfigInput → 201 { model: PublicModelConfig }. */
export const POST = route(
  { access: "admin", body: modelConfigInputSchema },
  async ({ actor, body }) =>
    Response.json({ model: await saveModel({ actor, input: body }) }, { status: 201 }),
);
