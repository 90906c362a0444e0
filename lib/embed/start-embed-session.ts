import "server-only";
import { assertEmbedAllowed } from "./embed-access";
import { embedConfigOf, loadEmbedTarget } from "./queries";
import type { EmbedSession } from "./schemas";
import { isVisitorId, newVisitorId, signVisitorToken } from "./visitor-token";

/**
 * A widget session for a visitor of `origin` (lib/embed/website-origin): refused (403, with a
 * message the loader logs) unless the GPT is published, its widget is on and the site is listed.
 * A returning visitor keeps their id (the loader remembers it in the host page's storage); any
 * other value gets a new random one.
 */
export async function startEmbedSession({
  gptId,
  origin,
  visitorId,
  baseUrl,
  now = new Date(),
}: {
  gptId: string;
  origin: string | null;
  visitorId?: string | null;
  /** Where Atelier is served (absolute avatar addresses for the loader). */
  baseUrl: string;
  now?: Date;
}): Promise<EmbedSession> {
  const target = await loadEmbedTarget(gptId);
  assertEmbedAllowed(target, origin);
  const visitor = isVisitorId(visitorId) ? visitorId : newVisitorId();
  const { token, expiresAt } = await signVisitorToken(
    // assertEmbedAllowed refused a missing origin.
    { gptId: target.gptId, visitorId: visitor, origin: origin as string },
    { now },
  );
  return {
    token,
    visitorId: visitor,
    expiresAt: expiresAt.toISOString(),
    config: embedConfigOf(target, baseUrl),
  };
}
