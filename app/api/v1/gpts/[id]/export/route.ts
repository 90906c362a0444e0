import { apiRoute } from "@/lib/api/api-route";
import { parseQuery } from "@/lib/api/management/api-errors";
import { exportQuerySchema } from "@/lib/api/management/schemas";
import { exportGptPackage } from "@/lib/gpts/package/export-gpt-package";

export const dynamic = "force-dynamic";

/**
 * The GPT as a package (the UI's export, docs/gpt-package.md): `?source=draft|published`,
 * `&format=json|zip`. JSON is the package document; the zip adds the knowledge files.
 */
export const GET = apiRoute<undefined, { id: string }>(
  { scope: "gpts:read" },
  async ({ actor, params, request }) => {
    const { source, format } = parseQuery(exportQuerySchema, request);
    const exported = await exportGptPackage({ actor, gptId: params.id, source, container: format });
    return new Response(exported.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": exported.contentType,
        "content-disposition": `attachment; filename="${exported.fileName}"`,
        // The package holds the instructions: never keep it in a shared cache.
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
);
