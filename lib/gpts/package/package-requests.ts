import { requestJson, uploadFileRequest } from "../api-client";

/** Browser-side calls for GPT packages (export links, import upload). */

export type GptPackageSourceOption = "draft" | "published";
export type GptPackageFormatOption = "json" | "zip";

export type ImportedGptPackage = { id: string; slug: string; warnings: string[] };

/** The download URL of a package; an `<a download>` on it saves the file. */
export function gptExportUrl({
  gptId,
  source,
  format,
}: {
  gptId: string;
  source: GptPackageSourceOption;
  format: GptPackageFormatOption;
}): string {
  const query = new URLSearchParams({ source, format });
  return `/api/gpts/${encodeURIComponent(gptId)}/export?${query}`;
}

/** What the export dialog needs to offer "published": the owner's editor payload, trimmed. */
export type GptExportState = { publishedVersion: { number: number } | null };

export async function getGptExportStateRequest(gptId: string): Promise<GptExportState> {
  const { gpt } = await requestJson<{ gpt: GptExportState }>(
    `/api/gpts/${encodeURIComponent(gptId)}`,
    { method: "GET" },
  );
  return {
    publishedVersion: gpt.publishedVersion ? { number: gpt.publishedVersion.number } : null,
  };
}

/**
 * Uploads a package to POST /api/gpts/import, reporting progress. A refused package rejects with
 * an ApiError whose fieldErrors list every problem by its path in the package.
 */
export async function importGptPackageRequest(options: {
  file: File;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<ImportedGptPackage> {
  const imported = await uploadFileRequest<ImportedGptPackage>({
    ...options,
    url: "/api/gpts/import",
    failureMessage: "The package could not be imported. Please try again.",
    abortMessage: "Import cancelled.",
  });
  return { id: imported.id, slug: imported.slug, warnings: imported.warnings ?? [] };
}
