import "server-only";
import { isDeepStrictEqual } from "node:util";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { insertActionCopies } from "./copy-actions";
import { type ActionDefinition, definitionFromRow, definitionsFromVersion } from "./definition";

type Tx = Prisma.TransactionClient;

/** The draft's actions as a version stores them (GptVersion.actions). */
export async function snapshotDraftActions(tx: Tx, gptId: string): Promise<ActionDefinition[]> {
  const rows = await tx.gptAction.findMany({
    where: { gptId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(definitionFromRow);
}

/**
 * A GPT that calls actions tells its users where their data goes: every action needs a privacy
 * policy URL before the GPT can be public (the store shows them on the GPT's page).
 */
export function assertActionPrivacyPolicies({
  capabilities,
  definitions,
}: {
  capabilities: string[];
  definitions: ActionDefinition[];
}): void {
  if (!capabilities.includes("actions")) return;
  const missing = definitions.filter((definition) => !definition.privacyPolicyUrl);
  if (missing.length === 0) return;
  const names = missing.map((definition) => definition.domain).join(", ");
  const message = `Add a privacy policy URL to every action before making this GPT public (missing for ${names}).`;
  throw new AppError("bad_request", message, { privacyPolicyUrl: [message] });
}

/** What a publish would change about actions, compared without credentials' ciphertext noise. */
function comparable(definition: ActionDefinition) {
  const { secretCiphertext, schemaText: _text, ...rest } = definition;
  return { ...rest, hasSecret: secretCiphertext !== null, secretCiphertext };
}

export function hasActionChanges(draft: ActionDefinition[], versionActions: unknown): boolean {
  const published = definitionsFromVersion(versionActions);
  // jsonb returns keys in its own order: compare values, with the draft normalised the same way.
  const normalise = (definitions: ActionDefinition[]) =>
    JSON.parse(JSON.stringify(definitions.map(comparable)));
  return !isDeepStrictEqual(normalise(draft), normalise(published));
}

/** Puts a version's actions back into the draft (same ids: OAuth connections keep working). */
export async function restoreDraftActions(tx: Tx, gptId: string, versionActions: unknown) {
  await tx.gptAction.deleteMany({ where: { gptId } });
  await insertActionCopies(tx, {
    gptId,
    definitions: definitionsFromVersion(versionActions),
    keepIds: true,
  });
}
