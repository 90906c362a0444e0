import { requireActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { completeOAuth } from "@/lib/gpt-actions/oauth/complete-oauth";

export const dynamic = "force-dynamic";

/**
 * GET ?code&state (or ?error&state) from the provider → exchanges the code and shows the popup's
 * result page, which tells the chat (or the Test panel) and closes itself.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const result = new URL("/actions/connected", url);
  try {
    const actor = await requireActor();
    const { domain } = await completeOAuth({
      actor,
      state: url.searchParams.get("state") ?? "",
      code: url.searchParams.get("code"),
      providerError: url.searchParams.get("error"),
    });
    result.searchParams.set("domain", domain);
  } catch (error) {
    if (!isAppError(error)) console.error("[atelier] oauth callback failed", error);
    result.searchParams.set(
      "error",
      isAppError(error) ? error.message : "The connection could not be completed.",
    );
  }
  return Response.redirect(result, 302);
}
