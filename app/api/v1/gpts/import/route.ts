import { apiRoute } from "@/lib/api/api-route";
import { payloadTooLarge } from "@/lib/api/management/api-errors";
import { readUploadedFile } from "@/lib/api/management/read-upload";
import { respond } from "@/lib/api/management/respond";
import { importResultSchema } from "@/lib/api/management/schemas";
import { importGptPackage } from "@/lib/gpts/package/import-gpt-package";
import { GPT_PACKAGE_LIMITS } from "@/lib/gpts/package/package-schema";

export const dynamic = "force-dynamic";

const MB = 1024 * 1024;

/** The package's bytes: a JSON body is the package document, multipart carries a .json or .zip. */
async function packageBytes(request: Request): Promise<Uint8Array | Response> {
  if (request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength <= GPT_PACKAGE_LIMITS.jsonBytes) return bytes;
    return payloadTooLarge(
      `A package document can be at most ${GPT_PACKAGE_LIMITS.jsonBytes / MB} MB.`,
    );
  }
  const file = await readUploadedFile(request, {
    maxBytes: GPT_PACKAGE_LIMITS.zipBytes,
    tooLargeMessage: `A package can be at most ${GPT_PACKAGE_LIMITS.zipBytes / MB} MB.`,
  });
  return file instanceof Response ? file : new Uint8Array(await file.arrayBuffer());
}

/**
 * Imports a package (the UI's import) as a new private draft → 201 `{ id, slug, warnings }`.
 * An invalid package is a 400 whose `param` is the first problem's path in the package.
 */
export const POST = apiRoute({ scope: "gpts:write" }, async ({ actor, request }) => {
  const bytes = await packageBytes(request);
  if (bytes instanceof Response) return bytes;
  const imported = await importGptPackage({ actor, bytes });
  return respond(importResultSchema, imported, { status: 201 });
});
