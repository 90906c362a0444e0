import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference";
import { getOpenApiDocument } from "@/lib/api/openapi/document";
import { buildApiReference } from "@/lib/api/openapi/reference";
import { env } from "@/lib/env";

export const metadata: Metadata = {
  title: "API reference",
  description:
    "Chat with GPTs through an OpenAI-compatible API and manage them as code: keys, limits, errors and every endpoint.",
};
// Rendered per request: the samples show the APP_URL and the rate limit the server runs with.
export const dynamic = "force-dynamic";

/** Public: the API reference, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export default function ApiDocsPage() {
  const reference = buildApiReference(getOpenApiDocument());
  return <ApiReference reference={reference} requestsPerMinute={env.API_REQUESTS_PER_MINUTE} />;
}
