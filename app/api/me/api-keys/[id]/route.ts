import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** DELETE → { apiKey }: revokes one of the user's keys (idempotent; someone else's: 404). */
export const DELETE = route<undefined, { id: string }>(
  { access: "user" },
  async ({ actor, params }) => ({ apiKey: await revokeApiKey({ actor, apiKeyId: params.id }) }),
);
