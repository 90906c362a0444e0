import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { findOwnedGpt } from "../knowledge/files/owned-gpt";
import { getEgressPolicy } from "../security/egress-policy";
import { type ActionDefinition, asJson, definitionFromRow, toActionView } from "./definition";
import { ACTION_NOT_FOUND } from "./find-action";
import { type ActionSource, loadMcpSource, loadOpenApiSource } from "./load-action-source";
import { getAccessToken } from "./oauth/access-token";
import { resolveAuth, storedAuthOf } from "./resolve-auth";
import { updateActionSchema } from "./schemas";
import type { ActionView } from "./types";

/**
 * Edits a draft action. A new document (or server URL) is validated and its operations listed
 * again; operations keep their switch by key. An omitted secret keeps the stored one.
 */
export async function updateGptAction({
  actor,
  gptId,
  actionId,
  input: raw,
}: {
  actor: Actor;
  gptId: string;
  actionId: string;
  input: unknown;
}): Promise<ActionView> {
  const input = parseInput(updateActionSchema, raw);
  await findOwnedGpt(actor, gptId);
  const row = await prisma.gptAction.findFirst({ where: { id: actionId, gptId } });
  if (!row) throw new AppError("not_found", ACTION_NOT_FOUND);
  const policy = await getEgressPolicy();
  const auth = input.auth
    ? await resolveAuth({ input: input.auth, existing: storedAuthOf(row), policy })
    : storedAuthOf(row);

  let source: ActionSource | null = null;
  if (row.kind === "OPENAPI" && (input.schemaText !== undefined || input.serverUrl !== undefined)) {
    const schemaText = input.schemaText ?? row.schemaText ?? "";
    // An explicit URL wins; "" means "the document's own"; a new document alone keeps an
    // override only when it names no server itself.
    const override =
      input.serverUrl === undefined ? null : input.serverUrl === "" ? null : input.serverUrl;
    source = await loadOpenApiSource({ schemaText, serverUrl: override, policy }).catch(
      async (error) => {
        if (
          input.serverUrl !== undefined ||
          !(error instanceof AppError) ||
          !error.fieldErrors?.serverUrl
        )
          throw error;
        return loadOpenApiSource({ schemaText, serverUrl: row.serverUrl, policy });
      },
    );
  } else if (row.kind === "MCP" && (input.serverUrl || input.auth)) {
    const serverUrl = input.serverUrl || row.serverUrl;
    const definition: ActionDefinition = { ...definitionFromRow(row), ...auth, serverUrl };
    const ownerToken =
      auth.authKind === "OAUTH"
        ? await getAccessToken({ userId: actor.id, definition, policy })
        : null;
    source = await loadMcpSource({ serverUrl, auth, policy, ownerToken });
  }

  const operations = source?.operations ?? (row.operations as { key: string }[]);
  const keys = new Set(operations.map((operation) => operation.key));
  const disabled = (input.disabledOperations ?? row.disabledOperations).filter((key) =>
    keys.has(key),
  );
  const updated = await prisma.gptAction.update({
    where: { id: row.id },
    data: {
      ...(source
        ? {
            name: source.name.slice(0, 200),
            serverUrl: source.serverUrl,
            operations: asJson(source.operations),
          }
        : {}),
      ...(input.schemaText !== undefined ? { schemaText: input.schemaText } : {}),
      ...(input.sourceUrl !== undefined ? { sourceUrl: input.sourceUrl || null } : {}),
      authKind: auth.authKind,
      authConfig: asJson(auth.authConfig),
      secretCiphertext: auth.secretCiphertext,
      disabledOperations: disabled,
      ...(input.privacyPolicyUrl !== undefined
        ? { privacyPolicyUrl: input.privacyPolicyUrl || null }
        : {}),
    },
  });
  return toActionView(updated);
}
