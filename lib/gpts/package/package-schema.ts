import { z } from "zod";
import { isAvatarColor } from "../../utils/avatar-colors";
import { CAPABILITY_KEYS } from "../capabilities";
import { gptDraftSchema } from "../schemas";

/**
 * The GPT package: a GPT's configuration as a portable, versioned JSON document (docs/gpt-package.md
 * is the reference; keep both in step). Browser-safe: the export writes it, the import validates
 * with it, and the import dialog formats its errors.
 *
 * Versioning: `version` is the major version. Additive changes that older readers can ignore keep
 * it; anything an older reader would misread bumps it, and readers refuse versions newer than
 * GPT_PACKAGE_VERSION instead of guessing.
 */
export const GPT_PACKAGE_FORMAT = "atelier.gpt";
export const GPT_PACKAGE_VERSION = 1;
/** Name of the package document inside the .zip form. */
export const GPT_PACKAGE_JSON_NAME = "gpt.json";
export const KNOWLEDGE_DIR = "knowledge/";

export const GPT_PACKAGE_LIMITS = {
  /** The JSON document (the .json file, or gpt.json inside the zip). */
  jsonBytes: 5 * 1024 * 1024,
  zipBytes: 50 * 1024 * 1024,
  zipEntries: 100,
  /** Sum of the declared uncompressed sizes in a zip (refused before anything is inflated). */
  unzippedBytes: 100 * 1024 * 1024,
  /** A 2 MB picture in base64 plus the `data:` prefix. */
  avatarDataUriLength: 2_800_000,
  knowledgeFiles: 99,
  fileNameLength: 200,
  actions: 20,
} as const;

/** Key for problems with the file as a whole (not JSON, no gpt.json, too large...). */
export const PACKAGE_FILE_KEY = "file";

export const ACTION_AUTH_KINDS = ["none", "api_key", "oauth"] as const;

const AVATAR_DATA_URI = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A knowledge file's name: one plain path segment, so `knowledge/<name>` stays in its folder. */
export function isSafeFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= GPT_PACKAGE_LIMITS.fileNameLength &&
    name !== "." &&
    name !== ".." &&
    !name.includes("/") &&
    !name.includes("\\") &&
    !CONTROL_CHARACTERS.test(name)
  );
}

/**
 * Why a zip entry name is unsafe to unpack (path traversal, absolute or Windows paths), or null.
 * Checked for every entry before anything is read from the archive.
 */
export function zipEntryNameProblem(name: string): string | null {
  if (name.length === 0) return "An entry has an empty name.";
  if (CONTROL_CHARACTERS.test(name)) return "Entry names cannot contain control characters.";
  if (name.includes("\\")) return "Entry names cannot contain backslashes.";
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "Entry names must be relative paths.";
  if (name.split("/").some((segment) => segment === ".." || segment === ".")) {
    return "Entry names cannot contain “.” or “..” segments (they would leave the package).";
  }
  return null;
}

const categoryHintSchema = z.object({
  slug: z.string().trim().min(1).max(100),
  name: z.string().trim().max(100).default(""),
});

const modelHintSchema = z.object({
  modelId: z.string().trim().min(1).max(200),
  displayName: z.string().trim().max(200).default(""),
});

const avatarSchema = z
  .object({
    dataUri: z
      .string()
      .max(GPT_PACKAGE_LIMITS.avatarDataUriLength, "The picture is too large (at most 2 MB).")
      .regex(
        AVATAR_DATA_URI,
        "Use a base64 data URI of a PNG, JPEG, WebP or GIF image (data:image/webp;base64,…).",
      )
      .optional(),
    color: z
      .string()
      .refine(isAvatarColor, "Use one of the palette colours listed in docs/gpt-package.md.")
      .optional(),
  })
  .refine((avatar) => (avatar.dataUri === undefined) !== (avatar.color === undefined), {
    message: "Give either dataUri or color (or null for the generated default).",
  });

const capabilitiesSchema = z
  .array(
    z.string().refine((key) => (CAPABILITY_KEYS as readonly string[]).includes(key), {
      error: (issue) =>
        `Unknown capability ${JSON.stringify(issue.input)} (known: ${CAPABILITY_KEYS.join(", ")}).`,
    }),
  )
  .default([])
  .transform((keys) => [...new Set(keys)].sort());

/** The GPT's configuration: the same fields and limits as the editor's draft (gptDraftSchema). */
const packageGptSchema = gptDraftSchema
  .pick({
    name: true,
    description: true,
    instructions: true,
    conversationStarters: true,
    temperature: true,
    // Knowledge retrieval settings (optional: older packages lack them and get the defaults).
    knowledgeTopK: true,
    knowledgeMinScore: true,
    hideKnowledgeSources: true,
    knowledgeOnly: true,
  })
  .extend({
    category: categoryHintSchema.nullable().default(null),
    model: modelHintSchema.nullable().default(null),
    avatar: avatarSchema.nullable().default(null),
    capabilities: capabilitiesSchema,
  });

/** An action's description. Credentials are never part of a package (nor an OAuth client id). */
const packageActionSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).default(""),
    kind: z.enum(["openapi", "mcp"]).default("openapi"),
    /** The OpenAPI document (kind "openapi"). */
    openapi: z
      .record(z.string(), z.unknown(), "Give the OpenAPI document as a JSON object.")
      .optional(),
    /** The API's base URL (when the document names none) or the MCP endpoint. */
    serverUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    authKind: z.enum(ACTION_AUTH_KINDS),
    /** Non-secret auth settings: API key placement and name; OAuth URLs and scopes. */
    auth: z
      .object({
        placement: z.enum(["header", "query", "basic", "bearer"]).optional(),
        name: z.string().max(100).optional(),
        authorizeUrl: z
          .url({ protocol: /^https?$/ })
          .max(2048)
          .optional(),
        tokenUrl: z
          .url({ protocol: /^https?$/ })
          .max(2048)
          .optional(),
        scopes: z.string().max(1000).optional(),
        tokenAuthMethod: z.enum(["client_secret_post", "client_secret_basic"]).optional(),
      })
      .default({}),
    disabledOperations: z.array(z.string().max(300)).max(1000).default([]),
    privacyPolicyUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullable()
      .default(null),
  })
  .refine((action) => action.kind !== "openapi" || action.openapi !== undefined, {
    path: ["openapi"],
    error: "Give the OpenAPI document of this action.",
  })
  .refine((action) => action.kind !== "mcp" || action.serverUrl !== undefined, {
    path: ["serverUrl"],
    error: "Give the MCP server URL of this action.",
  });

const knowledgeEntrySchema = z
  .object({
    name: z
      .string()
      .refine(isSafeFileName, "Use a plain file name (no slashes, “..” or control characters)."),
    mimeType: z.string().trim().min(1).max(200),
    /** Informational (pdf, docx, text…): the importer detects the kind from the bytes. */
    kind: z.string().trim().max(20).optional(),
    size: z.number().int().min(0),
    sha256: z.string().regex(SHA256_HEX, "Use the SHA-256 of the file as 64 lowercase hex digits."),
    path: z.string(),
  })
  .refine((entry) => entry.path === `${KNOWLEDGE_DIR}${entry.name}`, {
    path: ["path"],
    error: (issue) => {
      const name = (issue.input as { name?: unknown }).name;
      return `Must be "${KNOWLEDGE_DIR}${typeof name === "string" ? name : "<name>"}".`;
    },
  });

const sourceSchema = z.object({
  instance: z.string().max(255),
  gptId: z.string().max(100),
  slug: z.string().max(200),
  versionNumber: z.number().int().positive().nullable(),
});

const headerSchema = z.object({
  format: z.literal(GPT_PACKAGE_FORMAT, {
    error: (issue) =>
      issue.input === undefined
        ? `Required: "${GPT_PACKAGE_FORMAT}".`
        : `Expected "${GPT_PACKAGE_FORMAT}", got ${JSON.stringify(issue.input)}.`,
  }),
  version: z.number("Use a whole number, e.g. 1.").int("Use a whole number, e.g. 1.").min(1),
});

export const gptPackageSchema = headerSchema.extend({
  version: z.literal(GPT_PACKAGE_VERSION),
  /** When the package was written; informational. */
  exportedAt: z.iso.datetime().optional(),
  /** Where the package came from; informational, never used to link the copy to its origin. */
  source: sourceSchema.optional(),
  gpt: packageGptSchema,
  actions: z.array(packageActionSchema).max(GPT_PACKAGE_LIMITS.actions).default([]),
  knowledge: z
    .array(knowledgeEntrySchema)
    .max(GPT_PACKAGE_LIMITS.knowledgeFiles)
    .default([])
    .superRefine((entries, context) => {
      const seen = new Set<string>();
      entries.forEach((entry, index) => {
        if (seen.has(entry.name)) {
          context.addIssue({
            code: "custom",
            path: [index, "name"],
            message: `Another knowledge file is already named "${entry.name}".`,
          });
        }
        seen.add(entry.name);
      });
    }),
});

export type GptPackageInput = z.input<typeof gptPackageSchema>;
export type GptPackage = z.output<typeof gptPackageSchema>;
export type GptPackageKnowledgeEntry = GptPackage["knowledge"][number];
export type GptPackageAction = GptPackage["actions"][number];

/** Problems keyed by their path in the package ("gpt.name", "knowledge.0.sha256", "file"). */
export type PackageProblems = Record<string, string[]>;

export type ParsePackageResult =
  | { success: true; data: GptPackage }
  | { success: false; problems: PackageProblems };

function problemsOf(issues: z.core.$ZodIssue[]): PackageProblems {
  const problems: PackageProblems = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || PACKAGE_FILE_KEY;
    problems[key] = [...(problems[key] ?? []), issue.message];
  }
  return problems;
}

// A missing field reads better as "Required." than "expected string, received undefined".
const requiredMessage = (issue: { code?: string; input?: unknown }) =>
  issue.code === "invalid_type" && issue.input === undefined ? "Required." : undefined;

/**
 * Validates a parsed package document. The header is checked first: a file that isn't a GPT
 * package, or is from a newer Atelier, gets that one problem rather than a list of field errors.
 */
export function parseGptPackage(value: unknown): ParsePackageResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      success: false,
      problems: { [PACKAGE_FILE_KEY]: ["The package must be a JSON object."] },
    };
  }
  const header = headerSchema.safeParse(value, { error: requiredMessage });
  if (!header.success) return { success: false, problems: problemsOf(header.error.issues) };
  if (header.data.version > GPT_PACKAGE_VERSION) {
    return {
      success: false,
      problems: {
        version: [
          `Version ${header.data.version} is newer than this instance supports (${GPT_PACKAGE_VERSION}). Update Atelier to import it.`,
        ],
      },
    };
  }
  const parsed = gptPackageSchema.safeParse(value, { error: requiredMessage });
  if (!parsed.success) return { success: false, problems: problemsOf(parsed.error.issues) };
  return { success: true, data: parsed.data };
}

/** "gpt.name: Use at most 50 characters." lines, for error lists and logs. */
export function formatPackageProblems(problems: PackageProblems): string[] {
  return Object.entries(problems).flatMap(([key, messages]) =>
    messages.map((message) => (key === PACKAGE_FILE_KEY ? message : `${key}: ${message}`)),
  );
}
