import "server-only";
import type { Actor } from "../auth/session";
import { findOwnedGpt } from "../knowledge/files/owned-gpt";
import { getEgressPolicy } from "../security/egress-policy";
import { parseOpenApi } from "./openapi/parse-openapi";
import { fetchOpenApiText, storedOperations, suggestAuth } from "./openapi-source";
import type { PreviewOpenApiInput } from "./schemas";
import type { OpenApiPreview } from "./types";

/**
 * What a pasted (or imported) document would become: its operations and warnings, or its problems
 * with their place in the document. Nothing is saved. Owner only (it may fetch a URL).
 */
export async function previewOpenApi({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: PreviewOpenApiInput;
}): Promise<OpenApiPreview> {
  await findOwnedGpt(actor, gptId);
  const text =
    "url" in input ? await fetchOpenApiText(input.url, await getEgressPolicy()) : input.text;
  const parsed = await parseOpenApi(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return {
    ok: true,
    title: parsed.title,
    version: parsed.version,
    ...(parsed.convertedFrom ? { convertedFrom: parsed.convertedFrom } : {}),
    serverUrl: parsed.serverUrl,
    operations: storedOperations(parsed).map((operation) => ({ ...operation, isEnabled: true })),
    warnings: parsed.warnings,
    schemaText: text,
    suggestedAuth: suggestAuth(parsed.document),
  };
}
