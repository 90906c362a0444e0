import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { type ActionDefinition, asJson, type OAuthConfig } from "./definition";

/**
 * Credentials belong to whoever entered them. A remix (or an import) gets the definition only:
 * no API key, no OAuth client (id or secret: the new owner registers their own app, whose redirect
 * URL is their instance's), so nothing the original creator pays for is usable by someone else.
 */
export function withoutCredentials(definition: ActionDefinition): ActionDefinition {
  return {
    ...definition,
    secretCiphertext: null,
    authConfig:
      definition.authKind === "OAUTH"
        ? { ...(definition.authConfig as OAuthConfig), clientId: "" }
        : definition.authConfig,
  };
}

/**
 * Writes definitions as a GPT's draft actions: with new ids (copies), or with their own (a restore,
 * so users' OAuth connections to those actions keep working).
 */
export async function insertActionCopies(
  tx: Prisma.TransactionClient,
  {
    gptId,
    definitions,
    keepIds = false,
  }: { gptId: string; definitions: ActionDefinition[]; keepIds?: boolean },
): Promise<void> {
  if (definitions.length === 0) return;
  await tx.gptAction.createMany({
    data: definitions.map((definition, position) => ({
      ...(keepIds ? { id: definition.id } : {}),
      gptId,
      kind: definition.kind,
      name: definition.name,
      schemaText: definition.schemaText ?? null,
      sourceUrl: definition.sourceUrl ?? null,
      serverUrl: definition.serverUrl,
      operations: asJson(definition.operations),
      disabledOperations: definition.disabledOperations,
      authKind: definition.authKind,
      authConfig: asJson(definition.authConfig),
      secretCiphertext: definition.secretCiphertext,
      privacyPolicyUrl: definition.privacyPolicyUrl,
      position,
    })),
  });
}
