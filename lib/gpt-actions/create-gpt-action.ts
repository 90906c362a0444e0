import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { findOwnedGpt } from "../knowledge/files/owned-gpt";
import { getEgressPolicy } from "../security/egress-policy";
import { asJson, toActionView } from "./definition";
import { loadMcpSource, loadOpenApiSource } from "./load-action-source";
import { resolveAuth } from "./resolve-auth";
import { createActionSchema } from "./schemas";
import type { ActionView } from "./types";

export const MAX_ACTIONS_PER_GPT = 10;

const limitError = () =>
  new AppError(
    "limit_exceeded",
    `A GPT can have at most ${MAX_ACTIONS_PER_GPT} actions. Remove one first.`,
  );

/**
 * Adds an action to the owner's draft: an OpenAPI document (validated, its operations listed) or
 * an MCP server (its tools listed through the egress guard). Credentials are sealed; the draft
 * changes, users see it only after the next publish.
 */
export async function createGptAction({
  actor,
  gptId,
  input: raw,
}: {
  actor: Actor;
  gptId: string;
  input: unknown;
}): Promise<ActionView> {
  const input = parseInput(createActionSchema, raw);
  await findOwnedGpt(actor, gptId);
  // Checked first to fail fast, and again under the lock before the insert.
  if ((await prisma.gptAction.count({ where: { gptId } })) >= MAX_ACTIONS_PER_GPT) {
    throw limitError();
  }
  const policy = await getEgressPolicy();
  const auth = await resolveAuth({ input: input.auth, existing: null, policy });
  const source =
    input.kind === "openapi"
      ? await loadOpenApiSource({
          schemaText: input.schemaText,
          serverUrl: input.serverUrl,
          policy,
        })
      : await loadMcpSource({ serverUrl: input.serverUrl, auth, policy });
  const keys = new Set(source.operations.map((operation) => operation.key));
  const row = await prisma.$transaction(async (tx) => {
    // Row lock: parallel adds take turns, so the limit and the positions hold.
    await tx.$queryRaw`SELECT id FROM "Gpt" WHERE id = ${gptId} FOR UPDATE`;
    const position = await tx.gptAction.count({ where: { gptId } });
    if (position >= MAX_ACTIONS_PER_GPT) throw limitError();
    return tx.gptAction.create({
      data: {
        gptId,
        kind: input.kind === "openapi" ? "OPENAPI" : "MCP",
        name: source.name.slice(0, 200),
        schemaText: input.kind === "openapi" ? input.schemaText : null,
        sourceUrl: input.kind === "openapi" ? input.sourceUrl : null,
        serverUrl: source.serverUrl,
        operations: asJson(source.operations),
        disabledOperations: input.disabledOperations.filter((key) => keys.has(key)),
        ...auth,
        privacyPolicyUrl: input.privacyPolicyUrl,
        position,
      },
    });
  });
  return toActionView(row);
}
