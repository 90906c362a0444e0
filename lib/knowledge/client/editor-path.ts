/**
 * The GPT id in an editor address (`/gpts/<id>/edit`), or null (e.g. `/gpts/new`). The editor
 * replaces the address with the new GPT's when its first save creates it.
 */
export function gptIdFromEditorPath(pathname: string | null): string | null {
  const match = pathname?.match(/^\/gpts\/([^/]+)\/edit\/?$/);
  if (!match || match[1] === "new") return null;
  return decodeURIComponent(match[1]);
}
