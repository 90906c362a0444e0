import { LOADER_SCRIPT } from "@/lib/embed/widget/loader-script";

export const dynamic = "force-static";

/**
 * The website widget's loader: `<script src="<atelier>/embed.js" data-gpt="<gptId>" async>`.
 * Cached briefly (a fix reaches sites within minutes) and loadable by any site, including pages
 * that require cross-origin resource policies.
 */
export function GET() {
  return new Response(LOADER_SCRIPT, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=300, stale-while-revalidate=86400",
      "cross-origin-resource-policy": "cross-origin",
      "access-control-allow-origin": "*",
    },
  });
}
