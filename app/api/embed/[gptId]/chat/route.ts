import { embedChatSchema } from "@/lib/embed/schemas";
import { sendEmbedMessage } from "@/lib/embed/send-embed-message";
import { clientIp } from "@/lib/http/client-ip";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * A visitor's message from the widget's frame (same-origin with Atelier, so the route's
 * same-origin check holds; the visitor token authenticates) → the streamed answer.
 */
export const POST = route<typeof embedChatSchema, { gptId: string }, "public">(
  { access: "public", body: embedChatSchema },
  ({ body, params, request }) =>
    sendEmbedMessage({ gptId: params.gptId, input: body, ip: clientIp(request.headers) }),
);
