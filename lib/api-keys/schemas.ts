import { z } from "zod";

export const API_KEY_SCOPES = ["chat", "gpts:read", "gpts:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, { label: string; description: string }> = {
  chat: { label: "Chat", description: "Chat with GPTs through /api/v1/chat/completions." },
  "gpts:read": {
    label: "Read GPTs",
    description: "List and read your GPTs, versions and exports.",
  },
  "gpts:write": {
    label: "Write GPTs",
    description: "Create and edit your GPTs, upload knowledge, publish and restore versions.",
  },
};

/** How long a new key lives; null: until it is revoked. */
export const API_KEY_EXPIRY_DAYS = [7, 30, 90, 365] as const;

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the key a name.")
    .max(80, "Keep the name under 80 characters."),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, "Choose at least one scope.")
    .transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z
    .union([z.literal(7), z.literal(30), z.literal(90), z.literal(365)])
    .nullable()
    .default(null),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** A key as lists show it: never the secret, never its hash. */
export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};
