import { GET as sessionRoute } from "@/app/api/embed/[gptId]/session/route";
import type { Actor } from "@/lib/auth/session";
import { saveEmbedSettings } from "@/lib/embed/save-embed-settings";
import { DEFAULT_EMBED_SETTINGS, type EmbedSession, type EmbedSettings } from "@/lib/embed/schemas";
import { createActor, createPublishedGpt } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";

export const SHOP = "https://shop.example";

/** A published GPT whose widget is on for `origins`, with `settings` over the defaults. */
export async function embeddedGpt(
  origins: string[] = [SHOP],
  settings: Partial<EmbedSettings> = {},
): Promise<{ owner: Actor; gptId: string }> {
  const owner = await createActor({ name: "Widget Owner" });
  const gpt = await createPublishedGpt(owner, { name: "Shop Helper" });
  await saveEmbedSettings({
    actor: owner,
    gptId: gpt.id,
    input: { ...DEFAULT_EMBED_SETTINGS, isEnabled: true, allowedOrigins: origins, ...settings },
  });
  return { owner, gptId: gpt.id };
}

/** The loader's session request, as a browser on `origin` sends it (cross-origin GET). */
export function requestSession(gptId: string, origin: string, query = ""): Promise<Response> {
  return sessionRoute(
    appRequest(`/api/embed/${gptId}/session${query}`, {
      headers: { origin, "sec-fetch-site": "cross-site" },
    }),
    segment({ gptId }),
  );
}

export async function sessionFor(gptId: string, origin = SHOP): Promise<EmbedSession> {
  const response = await requestSession(gptId, origin);
  if (response.status !== 200) throw new Error(`session refused: ${await response.text()}`);
  return response.json();
}

export async function changeSettings(
  owner: Actor,
  gptId: string,
  settings: Partial<EmbedSettings>,
): Promise<void> {
  await saveEmbedSettings({
    actor: owner,
    gptId,
    input: {
      ...DEFAULT_EMBED_SETTINGS,
      isEnabled: true,
      allowedOrigins: [SHOP],
      ...settings,
    },
  });
}
