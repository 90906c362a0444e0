import { listMentionableGpts } from "@/lib/chat/mentionable-gpts";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GPTs the signed-in user may @mention in a chat, filtered by `q` (name or store search text). */
export const GET = route({ access: "user" }, async ({ actor, request }) => {
  const query = new URL(request.url).searchParams.get("q") ?? "";
  return { gpts: await listMentionableGpts({ actor, query }) };
});
