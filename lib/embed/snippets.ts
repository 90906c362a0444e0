/** The HTML a creator pastes into their site (Share → Embed on your site). Browser-safe. */

const attribute = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The loader: a chat bubble that opens the panel. `appOrigin` is where Atelier is served. */
export function scriptSnippet({ appOrigin, gptId }: { appOrigin: string; gptId: string }) {
  return `<script src="${appOrigin}/embed.js" data-gpt="${attribute(gptId)}" async></script>`;
}

/** The chat panel alone, placed in the page like an image (no bubble). */
export function iframeSnippet({
  appOrigin,
  gptId,
  gptName,
}: {
  appOrigin: string;
  gptId: string;
  gptName: string;
}) {
  return `<iframe src="${appOrigin}/embed/${encodeURIComponent(gptId)}" title="Chat with ${attribute(gptName)}" width="400" height="600" style="border:1px solid #e5e7eb;border-radius:12px;max-width:100%" allow="clipboard-write"></iframe>`;
}
