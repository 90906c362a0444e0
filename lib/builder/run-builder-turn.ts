import "server-only";
import type { Actor } from "../auth/session";
import { beginTurn } from "../chat/engine/begin-turn";
import { admitTurn } from "../chat/engine/turn-admission";
import { startAnswer } from "../chat/stream-turn";
import { getChatLimits } from "../limits/chat-limits";
import { builderTools } from "./builder-tools";
import { planBuilderTurn, prepareBuilderTurn } from "./prepare-builder-turn";
import type { BuilderTurnRequest } from "./schemas";

/** Model calls per builder turn: tool calls, then the answer (with room for a retry of a tool). */
export const BUILDER_MAX_STEPS = 5;

/**
 * One Create tab turn: the builder assistant answers as a UI message stream and fills the draft
 * through tool calls. It runs on the chat engine (limits, write-ahead, one PREVIEW usage event);
 * each tool call writes a BuilderChange tied to the answer's message id.
 */
export async function runBuilderTurn({
  actor,
  gptId,
  request,
}: {
  actor: Actor;
  gptId: string;
  request: BuilderTurnRequest;
}): Promise<Response> {
  const ticket = admitTurn();
  try {
    await ticket.whenStartable();
    const plan = await planBuilderTurn({ actor, gptId, request });
    const limits = await getChatLimits();
    const begun = await beginTurn({ ...plan.start, limits });
    return startAnswer({
      begun,
      actor,
      meter: {
        userId: actor.id,
        gptId,
        creatorId: plan.gpt.ownerId,
        channel: "PREVIEW",
        modelId: plan.model.modelId,
        inputPricePerMillion: plan.model.inputPricePerMillion,
        outputPricePerMillion: plan.model.outputPricePerMillion,
      },
      answeredBy: null,
      ticket,
      prepare: async () => {
        const { turn, system, categories } = await prepareBuilderTurn({
          actor,
          gptId,
          model: plan.model,
          ...begun,
        });
        return {
          turn,
          system,
          tools: builderTools({
            actor,
            gptId,
            messageId: begun.messageId,
            revision: request.revision,
            categories,
          }),
          maxSteps: BUILDER_MAX_STEPS,
        };
      },
    });
  } catch (error) {
    ticket.finished();
    throw error;
  }
}
