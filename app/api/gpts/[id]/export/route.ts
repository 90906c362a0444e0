import { z } from "zod";
import { exportGptPackage } from "@/lib/gpts/package/export-gpt-package";
import { parseInput } from "@/lib/gpts/parse-input";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const exportQuerySchema = z.object({
  source: z.enum(["draft", "published"]).default("draft"),
  format: z.enum(["json", "zip"]).default("json"),
});

/**
 * Downloads the owner's GPT as a package (docs/gpt-package.md): `?source=draft|published`
 * (default draft), `&format=json|zip` (default json). Anyone else gets 404.
 */
export const GET = route<undefined, { id: string }>(
  { access: "user" },
  async ({ request, actor, params }) => {
    const query = new URL(request.url).searchParams;
    const { source, format } = parseInput(exportQuerySchema, {
      source: query.get("source") ?? undefined,
      format: query.get("format") ?? undefined,
    });
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
