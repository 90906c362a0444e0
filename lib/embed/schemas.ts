import { z } from "zod";

/** Browser-safe: the Share dialog validates with the same schema the server applies. */

export const EMBED_POSITIONS = ["LEFT", "RIGHT"] as const;
export type EmbedPosition = (typeof EMBED_POSITIONS)[number];

export const MAX_ALLOWED_ORIGINS = 20;
export const MAX_GREETING_LENGTH = 300;
export const DEFAULT_THEME_COLOR = "#10a37f";

/**
 * What an allowed origin may look like once normalised: scheme, host, optional port. Nothing else
 * can reach the `frame-ancestors` header (no spaces, semicolons, quotes or wildcards that would
 * widen or break the policy).
 */
const ORIGIN_SHAPE =
  /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * "https://Example.com/" → "https://example.com"; "http://localhost:8080" stays. Returns an
 * error message for anything that is not a bare http(s) origin: paths, queries, wildcards,
 * credentials.
 */
export function normaliseOrigin(value: string): { origin: string } | { error: string } {
  const text = value.trim();
  if (!text) return { error: "Enter a site address." };
  if (text.includes("*")) {
    return { error: `“${text}”: wildcards aren't allowed. List each site on its own.` };
  }
  if (!/^https?:\/\//i.test(text)) {
    return { error: `“${text}”: start with https:// (or http:// for a local test site).` };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `“${text}” is not a valid site address.` };
  }
  if (url.username || url.password) {
    return { error: `“${text}”: leave out user names and passwords.` };
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    return {
      error: `“${text}”: only the site's origin (like https://example.com), without a path.`,
    };
  }
  if (!ORIGIN_SHAPE.test(url.origin)) return { error: `“${text}” is not a valid site address.` };
  return { origin: url.origin };
}

const originSchema = z.string().transform((value, context) => {
  const result = normaliseOrigin(value);
  if ("error" in result) {
    context.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  }
  return result.origin;
});

export const embedSettingsSchema = z.object({
  isEnabled: z.boolean(),
  allowedOrigins: z
    .array(originSchema)
    .max(MAX_ALLOWED_ORIGINS, `List at most ${MAX_ALLOWED_ORIGINS} sites.`)
    .transform((origins) => [...new Set(origins)]),
  dailyMessageBudget: z
    .number({ error: "Enter a number of answers." })
    .int("Enter a whole number.")
    .min(1, "Allow at least 1 answer a day.")
    .max(100_000, "At most 100,000 answers a day."),
  visitorMessagesPerHour: z
    .number({ error: "Enter a number of answers." })
    .int("Enter a whole number.")
    .min(1, "Allow at least 1 answer an hour.")
    .max(1_000, "At most 1,000 answers an hour."),
  themeColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Choose a colour like #10a37f.")
    .transform((color) => color.toLowerCase()),
  position: z.enum(EMBED_POSITIONS),
  greeting: z
    .string()
    .trim()
    .max(MAX_GREETING_LENGTH, `Keep the greeting under ${MAX_GREETING_LENGTH} characters.`),
});
export type EmbedSettingsInput = z.input<typeof embedSettingsSchema>;
export type EmbedSettings = z.output<typeof embedSettingsSchema>;

export const DEFAULT_EMBED_SETTINGS: EmbedSettings = {
  isEnabled: false,
  allowedOrigins: [],
  dailyMessageBudget: 200,
  visitorMessagesPerHour: 20,
  themeColor: DEFAULT_THEME_COLOR,
  position: "RIGHT",
  greeting: "",
};

/** The creator's view of a GPT's widget (GET/PUT /api/gpts/<id>/embed). */
export type EmbedSettingsView = {
  settings: EmbedSettings;
  /** Only a published GPT can be embedded: its published version answers. */
  isPublished: boolean;
};

/** A visitor's message from the widget's frame (POST /api/embed/<gptId>/chat). */
export const embedChatSchema = z.object({
  token: z.string().min(1).max(2_000),
  message: z
    .string()
    .trim()
    .min(1, "Type a message.")
    .max(8_000, "Keep your message under 8,000 characters."),
  conversationId: z.string().min(1).max(64).optional(),
});
export type EmbedChatInput = z.infer<typeof embedChatSchema>;

/** What the loader needs to draw the bubble and the frame its header. */
export type EmbedConfig = {
  name: string;
  avatarUrl: string | null;
  themeColor: string;
  /** Text colour readable on themeColor (black or white). */
  themeForeground: string;
  position: EmbedPosition;
  greeting: string;
  starters: string[];
};

/** GET /api/embed/<gptId>/session → a visitor token for the frame. */
export type EmbedSession = {
  token: string;
  visitorId: string;
  /** ISO time the token stops being accepted. */
  expiresAt: string;
  config: EmbedConfig;
};
