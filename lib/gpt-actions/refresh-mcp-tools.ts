import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { findOwnedGpt } from "../knowledge/files/owned-gpt";
import { getEgressPolicy } from "../security/egress-policy";
import { asJson, definitionFromRow, toActionView } from "./definition";
import { ACTION_NOT_FOUND } from "./find-action";
import { loadMcpSource } from "./load-action-source";
import { getAccessToken } from "./oauth/access-token";
import { storedAuthOf } from "./resolve-auth";
import type { ActionView } from "./types";

/** Lists an MCP server's tools again; switched-off tools stay off, new ones arrive on. */
export async function refreshMcpTools({
  actor,
  gptId,
  actionId,
}: {
  actor: Actor;
  gptId: string;
  actionId: string;
}): Promise<ActionView> {
  await findOwnedGpt(actor, gptId);
  const row = await prisma.gptAction.findFirst({ where: { id: actionId, gptId } });
  if (!row) throw new AppError("not_found", ACTION_NOT_FOUND);
  if (row.kind !== "MCP") throw new AppError("bad_request", "Only MCP actions list tools.");
  const policy = await getEgressPolicy();
  const definition = definitionFromRow(row);
  const ownerToken =
    row.authKind === "OAUTH"
      ? await getAccessToken({ userId: actor.id, definition, policy })
      : null;
  if (row.authKind === "OAUTH" && !ownerToken) {
    throw new AppError("bad_request", "Connect your account first (Test → Connect), then refresh.");
  }
  const source = await loadMcpSource({
    serverUrl: row.serverUrl,
    auth: storedAuthOf(row),
    policy,
    ownerToken,
  });
  const keys = new Set(source.operations.map((operation) => operation.key));
  const updated = await prisma.gptAction.update({
    where: { id: row.id },
    data: {
      name: source.name.slice(0, 200),
      operations: asJson(source.operations),
      disabledOperations: row.disabledOperations.filter((key) => keys.has(key)),
    },
  });
  return toActionView(updated);
}
