import { stopConversationAnswer } from "@/lib/chat/engine/stop-answer";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST → { messageId }: stops the answer being written here (any app process) once it is saved. */
export const POST = route<undefined, { id: string }>({ access: "user" }, ({ actor, params }) =>
  stopConversationAnswer({ actor, conversationId: params.id }),
);
