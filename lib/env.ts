import path from "node:path";
import { z } from "zod";

/**
 * The only module that reads process.env. Every variable is documented in .env.example.
 * Values are validated once; a bad value stops the process with a message naming the variable.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  /** Connections in the PostgreSQL pool of each app process (DATABASE_URL only). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(20),
  /** Chat answers one app process generates at once; more are refused with 503 + Retry-After. */
  CHAT_MAX_OPEN_TURNS: z.coerce.number().int().min(1).max(100_000).default(2000),
  /** Chat turns in their database-heavy start at once per process; others wait briefly in line. */
  CHAT_MAX_STARTING_TURNS: z.coerce.number().int().min(1).max(1000).optional(),
  DATA_DIR: z.string().default(".data"),
  STORAGE_DIR: optionalString,
  S3_BUCKET: optionalString,
  S3_REGION: optionalString,
  S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: optionalString.pipe(z.enum(["true", "false"]).optional()),
  S3_PREFIX: optionalString,
  PORT: z.coerce.number().int().positive().default(3000),
  APP_URL: optionalString.pipe(z.url().optional()),
  /**
   * Reverse proxies in front of the app that append the client's address to X-Forwarded-For
   * (lib/http/client-address.ts). 0: none, the socket's address is the client's.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Requests one API key may make per minute to /api/v1 (over it: 429 with Retry-After). */
  API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (32 bytes)")
      .optional(),
  ),
  ENCRYPTION_KEY_ID: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,32}$/)
    .default("env"),
  /** Earlier keys ("id:hex64,id:hex64"), still used to decrypt secrets sealed before a rotation. */
  ENCRYPTION_PREVIOUS_KEYS: optionalString.pipe(
    z
      .string()
      .regex(
        /^[a-zA-Z0-9_-]{1,32}:[0-9a-fA-F]{64}(,[a-zA-Z0-9_-]{1,32}:[0-9a-fA-F]{64})*$/,
        'must be "id:64-hex-characters" entries separated by commas',
      )
      .optional(),
  ),
  /** Egress guard: exact "host:port" entries reachable even on private addresses (besides the admin's list). */
  EGRESS_ALLOWLIST: optionalString.pipe(
    z
      .string()
      .regex(
        /^(\[[0-9a-fA-F:.]+\]|[^\s,:[\]]+):\d{1,5}(,(\[[0-9a-fA-F:.]+\]|[^\s,:[\]]+):\d{1,5})*$/,
        'must be "host:port" entries separated by commas',
      )
      .optional(),
  ),
  ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalString,
  SEED_DEMO_CONTENT: z.enum(["true", "false"]).default("true"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  DEFAULT_MODEL: z.string().default("gpt-4o-mini"),
  GITHUB_CLIENT_ID: optionalString,
  GITHUB_CLIENT_SECRET: optionalString,
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
  /** Billing (lib/billing): without it the instance runs on the Free plan alone. */
  STRIPE_SECRET_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, "must be a Stripe secret key (sk_test_… or sk_live_…)")
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: optionalString.pipe(
    z.string().startsWith("whsec_", "must be a webhook signing secret (whsec_…)").optional(),
  ),
  /** Where the Stripe API is (tests point it at tests/fixtures/fake-stripe); Stripe's own by default. */
  STRIPE_API_URL: optionalString.pipe(z.url().optional()),
  /**
   * Outgoing mail (lib/mail): smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465.
   * Without it, mails are kept in the admin Outbox and written to the server log.
   */
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  /** The From header of every mail: "Name <address>" or a bare address. */
  SMTP_FROM: optionalString
    .pipe(
      z
        .string()
        .regex(
          /^([^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
          'must be "Name <address@example.com>" or an address',
        )
        .optional(),
    )
    .transform((value) => value ?? "Atelier <no-reply@localhost>"),
});

export type Env = z.infer<typeof schema>;

const withS3Credentials = schema.superRefine((value, context) => {
  if (value.STRIPE_SECRET_KEY && !value.STRIPE_WEBHOOK_SECRET) {
    context.addIssue({
      code: "custom",
      path: ["STRIPE_WEBHOOK_SECRET"],
      message:
        "STRIPE_SECRET_KEY is set: STRIPE_WEBHOOK_SECRET is required too (Stripe → Developers → Webhooks)",
    });
  }
  if (value.S3_BUCKET && !(value.S3_ACCESS_KEY_ID && value.S3_SECRET_ACCESS_KEY)) {
    context.addIssue({
      code: "custom",
      path: ["S3_ACCESS_KEY_ID"],
      message: "S3_BUCKET is set: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required too",
    });
  }
});

function loadEnv(): Env {
  const parsed = withS3Credentials.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = loadEnv();

export const dataDir = path.resolve(env.DATA_DIR);
/** Uploaded files (avatars, knowledge files) on local disk. */
export const storageDir = path.resolve(env.STORAGE_DIR ?? path.join(env.DATA_DIR, "files"));
export const isEmbeddedDatabase = !env.DATABASE_URL;
/** Defaults to the pool size: more starting turns than connections would only queue on the pool. */
export const chatMaxStartingTurns =
  env.CHAT_MAX_STARTING_TURNS ?? (isEmbeddedDatabase ? 8 : env.DATABASE_POOL_SIZE);
export const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;

// next-auth v4 reads NEXTAUTH_URL itself to build callback URLs and pick secure cookies.
process.env.NEXTAUTH_URL ??= appUrl;
