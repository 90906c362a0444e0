import {
  deleteConversation,
  renameConversation,
  renameConversationSchema,
} from "@/lib/chat/manage-conversation";
import { getConversation } from "@/lib/chat/queries";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<undefined, Params>({ access: "user" }, async ({ actor, params }) => {
  const conversation = await getConversation({ actor, conversationId: params.id });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  return { conversation };
});

export const PATCH = route<typeof renameConversationSchema, Params>(
  { access: "user", body: renameConversationSchema },
  ({ actor, body, params }) =>
    renameConversation({ actor, conversationId: params.id, title: body.title }),
);

export const DELETE = route<undefined, Params>({ access: "user" }, ({ actor, params }) =>
  deleteConversation({ actor, conversationId: params.id }),
);
