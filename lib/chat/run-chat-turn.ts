import "server-only";
import type { Actor } from "../auth/session";
import { getChatLimits } from "../limits/chat-limits";
import { answeredByOf } from "./answering-source";
import { beginTurn } from "./engine/begin-turn";
import type { AnswerMeter } from "./engine/finalize-answer";
import { admitTurn } from "./engine/turn-admission";
import { planTurn, type TurnPlan } from "./plan-turn";
import { buildChatTurn, titleFrom } from "./prepare-turn";
import type { ChatRequest } from "./schemas";
import { startAnswer } from "./stream-turn";

/**
 * One chat turn: admit it (or 503 busy), decide what it writes and who answers (reads only), write
 * ahead (limits and spend caps checked, user message and STREAMING answer saved, in one statement),
 * then stream the answer from a task of its own. Everything refused before the write-ahead leaves nothing behind.
 */
export async function runChatTurn({
  actor,
  request,
}: {
  actor: Actor;
  request: ChatRequest;
}): Promise<Response> {
  const ticket = admitTurn();
  try {
    await ticket.whenStartable();
    const plan = await planTurn({ actor, request });
    const limits = await getChatLimits();
    const begun = await beginTurn({
      actor,
      conversation: plan.conversationId
        ? // A store conversation always talks to the latest published version of its own GPT.
          { id: plan.conversationId, versionId: plan.host.versionId }
        : {
            create: {
              gptId: plan.host.gpt.id,
              versionId: plan.host.versionId,
              isPreview: plan.isPreview,
              title: titleFrom(plan.question),
            },
            isCounted: !plan.isPreview,
          },
      userMessageParts: plan.userMessageParts,
      supersededMessageIds: plan.supersededMessageIds,
      savedQuestionId: plan.savedQuestionId,
      answer: {
        gptId: plan.source.gpt.id,
        channel: plan.isPreview ? "PREVIEW" : "STORE",
        versionId: plan.source.versionId,
        modelConfigId: plan.model.id,
      },
      model: plan.model,
      limits,
    });
    return startAnswer({
      begun,
      actor,
      meter: meterOf(plan),
      answeredBy: plan.source !== plan.host ? answeredByOf(plan.source) : null,
      ticket,
      prepare: async () => ({ turn: await buildChatTurn({ plan, begun }) }),
    });
  } catch (error) {
    ticket.finished();
    throw error;
  }
}

function meterOf(plan: TurnPlan): AnswerMeter {
  return {
    userId: plan.actor.id,
    gptId: plan.source.gpt.id,
    creatorId: plan.source.gpt.ownerId,
    channel: plan.isPreview ? "PREVIEW" : "STORE",
    modelId: plan.model.modelId,
    inputPricePerMillion: plan.model.inputPricePerMillion,
    outputPricePerMillion: plan.model.outputPricePerMillion,
  };
}
