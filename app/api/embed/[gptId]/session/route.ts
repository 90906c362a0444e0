import { embedPreflight, withEmbedCors } from "@/lib/embed/cors";
import { startEmbedSession } from "@/lib/embed/start-embed-session";
import { websiteOriginOf } from "@/lib/embed/website-origin";
import { appUrl } from "@/lib/env";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * A widget session for the website the browser says is asking (cross-origin from the loader) →
 * `{ token, visitorId, expiresAt, config }`, or 403 with the reason (site not listed, widget off,
 * GPT not published). `?visitor=` keeps a returning visitor's id.
 */
export async function GET(request: Request, { params }: { params: Promise<{ gptId: string }> }) {
  let response: Response;
  try {
    const { gptId } = await params;
    const session = await startEmbedSession({
      gptId,
      origin: websiteOriginOf(request),
      visitorId: new URL(request.url).searchParams.get("visitor"),
      baseUrl: appUrl,
    });
    response = Response.json(session);
  } catch (error) {
    response = errorResponse(error);
  }
  return withEmbedCors(response, request);
}

export function OPTIONS(request: Request) {
  return embedPreflight(request);
}
