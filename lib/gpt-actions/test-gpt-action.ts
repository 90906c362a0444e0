import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { findOwnedGpt } from "../knowledge/files/owned-gpt";
import { getEgressPolicy } from "../security/egress-policy";
import { definitionFromRow } from "./definition";
import { ACTION_NOT_FOUND } from "./find-action";
import { logActionCall } from "./log-action-call";
import { callWithCredential } from "./runtime/call-with-credential";
import { testActionSchema } from "./schemas";
import type { ActionTestResult } from "./types";

/**
 * The builder's Test button: runs one operation of a draft action through the chat's runtime,
 * with the owner's credentials (their own OAuth connection), and logs it as a TEST call.
 */
export async function testGptAction({
  actor,
  gptId,
  actionId,
  input: raw,
}: {
  actor: Actor;
  gptId: string;
  actionId: string;
  input: unknown;
}): Promise<ActionTestResult> {
  const { operationKey, args } = parseInput(testActionSchema, raw);
  await findOwnedGpt(actor, gptId);
  const row = await prisma.gptAction.findFirst({ where: { id: actionId, gptId } });
  if (!row) throw new AppError("not_found", ACTION_NOT_FOUND);
  const definition = definitionFromRow(row);
  const operation = definition.operations.find((candidate) => candidate.key === operationKey);
  if (!operation) throw new AppError("not_found", "Operation not found.");
  const outcome = await callWithCredential({
    definition,
    operation,
    args,
    userId: actor.id,
    policy: await getEgressPolicy(),
  });
  if (outcome === "needs_connection") {
    throw new AppError(
      "bad_request",
      `Connect your account on ${definition.domain} to test this operation.`,
    );
  }
  await logActionCall({
    gptId,
    actionId,
    userId: actor.id,
    conversationId: null,
    source: "TEST",
    operation: operation.operationId ?? operation.key,
    method: operation.method,
    domain: definition.domain,
    status: outcome.status,
    latencyMs: outcome.durationMs,
    error: outcome.error,
  });
  const { request, response, error, durationMs } = outcome;
  return { request, response, error, durationMs };
}
