import { getOpenApiDocument } from "@/lib/api/openapi/document";

export const dynamic = "force-dynamic";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the routes' zod schemas. Public on purpose,
 * without a key: it is documentation (no data, no secrets), and tools fetch it unauthenticated.
 */
export async function GET() {
  return Response.json(getOpenApiDocument(), {
    headers: { "access-control-allow-origin": "*", "cache-control": "public, max-age=300" },
  });
}
