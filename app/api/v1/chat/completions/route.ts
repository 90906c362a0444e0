import { apiRoute } from "@/lib/api/api-route";
import { createChatCompletion } from "@/lib/openai-compat/create-chat-completion";
import { chatCompletionRequestSchema } from "@/lib/openai-compat/schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { scope: "chat", body: chatCompletionRequestSchema },
  ({ actor, key, body, request }) =>
    createChatCompletion({ caller: { actor, key }, body, signal: request.signal }),
);
