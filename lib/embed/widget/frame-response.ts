import "server-only";
import { appUrl, env } from "../../env";
import { avatarUrl } from "../../gpts/avatar/avatar-url";
import {
  contentSecurityPolicy,
  newNonce,
  pageSecurityHeaders,
} from "../../security/content-security-policy";
import { getInitials } from "../../utils/avatar-colors";
import { embedRefusal } from "../embed-access";
import { avatarColorOf, embedConfigOf, loadEmbedTarget } from "../queries";
import { frameDocument, frameNoticeDocument } from "./frame-document";

/**
 * The widget's frame (GET /embed/<gptId>), with its own headers (proxy.ts leaves /embed/ alone):
 * `frame-ancestors` lists the GPT's allowed sites, so no other site can frame it, and is 'none'
 * (with X-Frame-Options) whenever the widget may not run. Which site frames it is checked again by
 * every chat request through the visitor token. Scripts: this response's nonce only.
 */
export async function embedFrameResponse(gptId: string): Promise<Response> {
  const target = await loadEmbedTarget(gptId);
  // The site is unknown here: any listed one may frame it; the token names the actual one.
  const refusal = embedRefusal(target, target?.embed?.allowedOrigins[0] ?? null);
  const frameAncestors =
    refusal || !target?.embed ? "'none'" : target.embed.allowedOrigins.join(" ");
  const nonce = newNonce();
  const isHttps = appUrl.startsWith("https:");
  const headers = new Headers({
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": contentSecurityPolicy({
      nonce,
      isHttps,
      isDevelopment: env.NODE_ENV === "development",
      frameAncestors,
    }),
    ...pageSecurityHeaders({ isHttps, isFramable: !refusal }),
  });
  if (refusal || !target) {
    return new Response(frameNoticeDocument({ message: refusal?.message ?? "Not found." }), {
      status: refusal?.reason === "unavailable" ? 404 : 403,
      headers,
    });
  }
  const config = embedConfigOf(target, appUrl);
  const html = frameDocument({
    content: {
      gptId: target.gptId,
      name: config.name,
      // Relative: the frame is served by Atelier, whatever host the visitor's browser used.
      avatarUrl: avatarUrl(target.avatarKey),
      avatarColor: avatarColorOf(target),
      initials: getInitials(config.name),
      themeColor: config.themeColor,
      themeForeground: config.themeForeground,
      greeting: config.greeting,
      starters: config.starters,
    },
    nonce,
    appUrl,
  });
  return new Response(html, { headers });
}
