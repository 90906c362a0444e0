import { AppError } from "@/lib/errors";
import { previewOpenApi } from "@/lib/gpt-actions/preview-openapi";
import { previewOpenApiSchema } from "@/lib/gpt-actions/schemas";
import { route } from "@/lib/http/route";
import { consumeRateLimit } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

/** POST { text } | { url } → OpenApiPreview (parses only; a URL is fetched through the egress guard). */
export const POST = route<typeof previewOpenApiSchema, { id: string }>(
  { access: "user", body: previewOpenApiSchema },
  async ({ actor, params, body }) => {
    const limit = await consumeRateLimit({
      key: `openapi-preview:user:${actor.id}`,
      limit: 120,
      windowSeconds: 600,
    });
    if (!limit.isAllowed) {
      throw new AppError("rate_limited", "Too many checks. Wait a few minutes and try again.");
    }
    return previewOpenApi({ actor, gptId: params.id, input: body });
  },
);
