import { exportAccountData } from "@/lib/accounts/export-data";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → a zip of the signed-in user's data (lib/accounts/export-data.ts), as a download. */
export const GET = route({ access: "user" }, async ({ actor }) => {
  const { fileName, bytes } = await exportAccountData({ actor });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
    },
  });
});
