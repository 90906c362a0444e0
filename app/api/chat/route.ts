import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({ access: "user", body: chatRequestSchema }, ({ actor, body }) =>
  runChatTurn({ actor, request: body }),
);
