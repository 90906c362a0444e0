import { z } from "zod";
import { API_KEY_PLACEMENTS, OAUTH_TOKEN_AUTH_METHODS } from "./types";

/** Input schemas shared by the builder's forms and the routes. Browser-safe. */

export const SCHEMA_TEXT_MAX_CHARS = 2 * 1024 * 1024;
export const SECRET_MAX_CHARS = 4096;

const httpUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2048, `${label} is too long.`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, `${label} must be an http or https URL.`);

const optionalHttpUrl = (label: string) =>
  z
    .union([z.literal(""), httpUrl(label)])
    .optional()
    .transform((value) => value || null);

/** A secret: absent keeps the stored one, a string replaces it. */
const secretInput = z
  .string()
  .trim()
  .min(1, "Enter the secret, or leave the field untouched to keep the saved one.")
  .max(SECRET_MAX_CHARS, "That secret is too long.")
  .optional();

export const authInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z
    .object({
      kind: z.literal("api_key"),
      placement: z.enum(API_KEY_PLACEMENTS),
      /** The header or query parameter name (header and query placements). */
      name: z
        .string()
        .trim()
        .max(100)
        .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]*$/, "Use letters, digits and - _ . only.")
        .default(""),
      secret: secretInput,
    })
    .refine((auth) => !["header", "query"].includes(auth.placement) || auth.name.length > 0, {
      path: ["name"],
      message: "Name the header or query parameter that carries the key.",
    }),
  z.object({
    kind: z.literal("oauth"),
    clientId: z.string().trim().min(1, "Enter the client ID.").max(500),
    clientSecret: secretInput,
    authorizeUrl: httpUrl("The authorization URL"),
    tokenUrl: httpUrl("The token URL"),
    scopes: z.string().trim().max(1000).default(""),
    tokenAuthMethod: z.enum(OAUTH_TOKEN_AUTH_METHODS).default("client_secret_post"),
  }),
]);
export type AuthInput = z.infer<typeof authInputSchema>;

const operationKeys = z.array(z.string().max(300)).max(1000).default([]);

export const createActionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("openapi"),
    schemaText: z
      .string()
      .min(1, "Paste an OpenAPI document.")
      .max(SCHEMA_TEXT_MAX_CHARS, "The document is larger than 2 MB."),
    sourceUrl: optionalHttpUrl("The import URL"),
    /** Used when the document names no absolute server URL. */
    serverUrl: optionalHttpUrl("The server URL"),
    auth: authInputSchema.default({ kind: "none" }),
    privacyPolicyUrl: optionalHttpUrl("The privacy policy URL"),
    disabledOperations: operationKeys,
  }),
  z.object({
    kind: z.literal("mcp"),
    serverUrl: httpUrl("The MCP server URL"),
    auth: authInputSchema.default({ kind: "none" }),
    privacyPolicyUrl: optionalHttpUrl("The privacy policy URL"),
    disabledOperations: operationKeys,
  }),
]);
/** What the browser sends (optional fields may be left out). */
export type CreateActionInput = z.input<typeof createActionSchema>;

/** Every field optional; an OpenAPI action may get a new document, an MCP action a new URL. */
export const updateActionSchema = z.object({
  schemaText: z
    .string()
    .min(1, "Paste an OpenAPI document.")
    .max(SCHEMA_TEXT_MAX_CHARS, "The document is larger than 2 MB.")
    .optional(),
  /** Absent keeps the stored one; "" clears it. */
  sourceUrl: z.union([z.literal(""), httpUrl("The import URL")]).optional(),
  serverUrl: z.union([z.literal(""), httpUrl("The server URL")]).optional(),
  auth: authInputSchema.optional(),
  privacyPolicyUrl: z.union([z.literal(""), httpUrl("The privacy policy URL")]).optional(),
  disabledOperations: z.array(z.string().max(300)).max(1000).optional(),
});
export type UpdateActionInput = z.input<typeof updateActionSchema>;

export const previewOpenApiSchema = z.union([
  z.object({
    text: z
      .string()
      .min(1, "Paste an OpenAPI document.")
      .max(SCHEMA_TEXT_MAX_CHARS, "The document is larger than 2 MB."),
  }),
  z.object({ url: httpUrl("The import URL") }),
]);
export type PreviewOpenApiInput = z.infer<typeof previewOpenApiSchema>;

export const testActionSchema = z.object({
  operationKey: z.string().min(1).max(300),
  args: z.record(z.string(), z.unknown()).default({}),
});
export type TestActionInput = z.infer<typeof testActionSchema>;

export const promptDecisionSchema = z.object({
  decision: z.enum(["allow", "always", "deny"]),
});
