import { z } from "zod";

/** POST /api/admin/gpts/<id>/feature body. */
export const featureGptInputSchema = z.object({
  featured: z.boolean({ error: "Say whether the GPT is featured (true or false)." }),
});
export type FeatureGptInput = z.infer<typeof featureGptInputSchema>;
