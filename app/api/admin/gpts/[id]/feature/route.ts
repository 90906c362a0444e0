import { route } from "@/lib/http/route";
import { featureGpt } from "@/lib/store/feature-gpt";
import { featureGptInputSchema } from "@/lib/store/schemas";

export const dynamic = "force-dynamic";

/** POST { featured: boolean } → { gpt: { id, featuredAt } }. Admins only; only listed GPTs. */
export const POST = route<typeof featureGptInputSchema, { id: string }>(
  { access: "admin", body: featureGptInputSchema },
  async ({ actor, body, params }) => ({
    gpt: await featureGpt({ actor, gptId: params.id, featured: body.featured }),
  }),
);
