import "server-only";
import { startExternalTurn } from "../chat/external-turn";
import { assertEmbedAllowed } from "./embed-access";
import { assertEmbedLimits } from "./embed-limits";
import { loadEmbedTarget } from "./queries";
import type { EmbedChatInput } from "./schemas";
import { verifyVisitorToken } from "./visitor-token";

/**
 * One visitor message from the widget's frame → the streamed answer (the AI SDK's UI message
 * stream, `x-conversation-id` naming the conversation). Each request re-checks everything the
 * session was granted on (the token's site still listed, the widget still on, the GPT still
 * published), so a creator's change applies to visitors already chatting. The answer is metered
 * on channel EMBED against the GPT's owner, who pays (plan allowance and credits); the
 * conversation is hidden from the owner's history and belongs to the visitor.
 */
export async function sendEmbedMessage({
  gptId,
  input,
  ip,
  now = new Date(),
}: {
  gptId: string;
  input: EmbedChatInput;
  /** The client's address (lib/http/client-ip), for the per-address limit. */
  ip: string;
  now?: Date;
}): Promise<Response> {
  const claims = await verifyVisitorToken(input.token, { gptId, now });
  const target = await loadEmbedTarget(gptId);
  assertEmbedAllowed(target, claims.origin);
  // assertEmbedAllowed refused a target without enabled settings.
  const settings = target.embed!;
  await assertEmbedLimits({ gptId, settings, visitorId: claims.visitorId, ip, now });
  const { owner } = target;
  const started = await startExternalTurn({
    payer: { id: owner.id, email: owner.email, name: owner.name, role: owner.role },
    gptId,
    channel: "EMBED",
    messages: [{ role: "user", content: input.message }],
    conversation: input.conversationId
      ? { id: input.conversationId, visitorId: claims.visitorId }
      : { create: { visitorId: claims.visitorId } },
    maxOutputTokens: undefined,
  });
  return started.live.response({ "x-conversation-id": started.conversationId });
}
