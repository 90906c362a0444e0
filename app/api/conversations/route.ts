import { listConversations } from "@/lib/chat/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "user" }, async ({ actor }) => ({
  conversations: await listConversations({ actor }),
}));
