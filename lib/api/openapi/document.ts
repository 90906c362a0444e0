import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOverrideContext } from "zod-openapi";
import { appUrl } from "../../env";
import { gptsPaths } from "./gpts-paths";
import { openAiPaths } from "./openai-paths";
import { SECURITY_SCHEME } from "./shared";

export type OpenApiDocument = ReturnType<typeof createDocument>;

/**
 * The input schemas clean values up with transforms (`.default([]).transform(dedupe)`), which
 * JSON Schema cannot express as an output. Where one appears in a response (the exported
 * package), it is documented as its input: the clean-up keeps the type.
 */
function documentTransformsAsInput({ jsonSchema, zodSchema, io }: ZodOpenApiOverrideContext) {
  const def = zodSchema._zod.def;
  if (io !== "output" || def.type !== "pipe" || Object.keys(jsonSchema).length > 0) return;
  const { in: input, out } = def as z.core.$ZodPipeDef;
  if (out._zod.def.type !== "transform") return;
  const { $schema: _, ...rendered } = z.toJSONSchema(input, {
    io: "output",
    unrepresentable: "any",
  });
  Object.assign(jsonSchema, rendered);
}

function buildDocument() {
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Atelier API",
        version: "1.0.0",
        description:
          "Chat with any GPT through OpenAI's Chat Completions, and manage your GPTs as code. Authenticate with an API key (Settings → API keys) sent as `Authorization: Bearer atl_…`. Errors use OpenAI's error shape.",
      },
      servers: [{ url: `${appUrl}/api/v1` }],
      tags: [
        { name: "Chat", description: "OpenAI-compatible: point the official clients here." },
        { name: "GPTs", description: "Create, read and update your GPTs' drafts." },
        { name: "Knowledge", description: "Files your GPTs answer from." },
        { name: "Versions", description: "Publish, list and restore versions." },
        { name: "Packages", description: "Export and import GPTs as portable packages." },
      ],
      components: {
        securitySchemes: {
          [SECURITY_SCHEME]: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "atl_…",
            description:
              "An Atelier API key, created under Settings → API keys with the scopes it needs: chat, gpts:read, gpts:write.",
          },
        },
      },
      paths: { ...openAiPaths, ...gptsPaths },
    },
    { override: documentTransformsAsInput },
  );
}

let cached: OpenApiDocument | null = null;

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes parse with
 * (lib/api/management/schemas.ts, lib/openai-compat/schemas.ts). Built once per process: it
 * depends on nothing but the code and APP_URL.
 */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}
