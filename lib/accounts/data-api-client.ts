import { ApiError } from "../admin/api-client";

export type DownloadedFile = { fileName: string; blob: Blob };

/** The file name a Content-Disposition header gives, or the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="?([^";]+)"?/);
  return match?.[1] ?? fallback;
}

/** GET /api/me/data-export as a file in memory (the page saves it), or the server's error. */
export async function fetchDataExport(): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch("/api/me/data-export", { method: "GET", cache: "no-store" });
  } catch {
    throw new ApiError({
      code: "network",
      status: 0,
      message: "Network error. Check your connection and try again.",
    });
  }
  if (!response.ok) {
    const payload = await response.json().catch(() => null);
    throw new ApiError({
      code: payload?.error?.code ?? "internal",
      status: response.status,
      message: payload?.error?.message ?? "Your data could not be prepared. Please try again.",
    });
  }
  const blob = await response.blob();
  return {
    fileName: fileNameOf(response.headers.get("content-disposition"), "atelier-data.zip"),
    blob,
  };
}

/** Hands a file in memory to the browser as a download. */
export function saveFile({ fileName, blob }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
