import { requireActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { startOAuth } from "@/lib/gpt-actions/oauth/start-oauth";

export const dynamic = "force-dynamic";

/**
 * GET ?gptId&actionId[&promptId] → 302 to the provider's authorization page (PKCE). Opened in a
 * popup, so failures go to the popup's result page rather than a JSON body.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  try {
    const actor = await requireActor();
    const authorizeUrl = await startOAuth({
      actor,
      gptId: url.searchParams.get("gptId") ?? "",
      actionId: url.searchParams.get("actionId") ?? "",
      promptId: url.searchParams.get("promptId") ?? undefined,
      origin: url.origin,
    });
    return Response.redirect(authorizeUrl, 302);
  } catch (error) {
    const message = isAppError(error) ? error.message : "The connection could not be started.";
    if (!isAppError(error)) console.error("[atelier] oauth start failed", error);
    return Response.redirect(
      new URL(`/actions/connected?error=${encodeURIComponent(message)}`, url),
      302,
    );
  }
}
