import { createApiKey } from "@/lib/api-keys/create-api-key";
import { hasApiAccess, listApiKeys, MAX_ACTIVE_API_KEYS } from "@/lib/api-keys/queries";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { keys: ApiKeyView[], hasApiAccess, maxActiveKeys }: the user's keys, never a secret. */
export const GET = route({ access: "user" }, async ({ actor }) => {
  const [keys, isIncluded] = await Promise.all([listApiKeys({ actor }), hasApiAccess({ actor })]);
  return { keys, hasApiAccess: isIncluded, maxActiveKeys: MAX_ACTIVE_API_KEYS };
});

/**
 * POST CreateApiKeyInput → 201 { key, apiKey }: `key` is the secret, in this answer only.
 * No-store: the one response that carries it must not linger in a cache.
 */
export const POST = route({ access: "user", body: createApiKeySchema }, async ({ actor, body }) =>
  Response.json(await createApiKey({ actor, input: body }), {
    status: 201,
    headers: { "Cache-Control": "no-store" },
  }),
);
