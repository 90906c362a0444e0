import { describe, expect, it } from "vitest";
import { avatarUrl } from "@/lib/gpts/avatar/avatar-url";
import { CAPABILITY_KEYS } from "@/lib/gpts/capabilities";
import { EMPTY_DRAFT_FORM, parseDraftForm } from "@/lib/gpts/draft-form";
import { AVATAR_KEY_PATTERN, GPT_LIMITS, gptDraftSchema } from "@/lib/gpts/schemas";
import { AVATAR_COLORS } from "@/lib/utils/avatar-colors";

const base = { name: "Math Tutor" };
const OWNER = "cm3owner0000abcd1234";
const KEY = `avatars/${OWNER}/AbCdEfGhIjKlMnOpQrStUvWx.webp`;

function errorsOf(input: Record<string, unknown>): Record<string, string> {
  const result = gptDraftSchema.safeParse({ ...base, ...input });
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join("."), issue.message]),
  );
}

describe("[BUILDER]: Configure fields share one schema with the server", () => {
  it("accepts temperatures from 0 to 2 and null (the model's default), nothing outside", () => {
    for (const temperature of [0, 0.7, 2, null]) {
      expect(errorsOf({ temperature })).toEqual({});
    }
    expect(errorsOf({ temperature: -0.1 })).toEqual({
      temperature: "Use a temperature between 0 and 2.",
    });
    expect(errorsOf({ temperature: 2.01 })).toEqual({
      temperature: "Use a temperature between 0 and 2.",
    });
    // The number box sends NaN for text it cannot read: reported, never saved as null.
    expect(errorsOf({ temperature: Number.NaN })).toEqual({ temperature: "Enter a number." });
  });

  it("knows every capability key, refuses unknown ones, and stores them sorted without repeats", () => {
    expect(
      gptDraftSchema.parse({ ...base, capabilities: [...CAPABILITY_KEYS] }).capabilities,
    ).toEqual([...CAPABILITY_KEYS].sort());
    expect(
      gptDraftSchema.parse({ ...base, capabilities: ["knowledge", "actions", "knowledge"] })
        .capabilities,
    ).toEqual(["actions", "knowledge"]);
    expect(errorsOf({ capabilities: ["knowledge", "teleport"] })).toEqual({
      "capabilities.1": "Unknown capability.",
    });
  });

  it("takes avatar colours from the palette only (null derives one from the name)", () => {
    for (const avatarColor of [...AVATAR_COLORS, null]) {
      expect(errorsOf({ avatarColor })).toEqual({});
    }
    expect(errorsOf({ avatarColor: "#ffffff" })).toEqual({
      avatarColor: "Pick one of the offered colours.",
    });
    expect(errorsOf({ avatarColor: AVATAR_COLORS[0].toUpperCase() })).toHaveProperty("avatarColor");
  });

  it("accepts only avatar keys the upload produces", () => {
    expect(errorsOf({ avatarKey: KEY })).toEqual({});
    expect(errorsOf({ avatarKey: null })).toEqual({});
    for (const avatarKey of [
      `avatars/${OWNER}/../../secrets.webp`,
      `avatars/${OWNER}/short.webp`,
      `avatars/${OWNER}/AbCdEfGhIjKlMnOpQrStUvWx.png`,
      `knowledge/${OWNER}/AbCdEfGhIjKlMnOpQrStUvWx.webp`,
      "https://evil.example/AbCdEfGhIjKlMnOpQrStUvWx.webp",
    ]) {
      expect(errorsOf({ avatarKey }), avatarKey).toEqual({
        avatarKey: "Upload the picture again.",
      });
    }
  });

  it("turns an avatar key into its public URL, and anything else into no picture", () => {
    expect(AVATAR_KEY_PATTERN.test(KEY)).toBe(true);
    expect(avatarUrl(KEY)).toBe(`/api/files/${KEY}`);
    expect(avatarUrl(null)).toBeNull();
    expect(avatarUrl(undefined)).toBeNull();
    expect(avatarUrl("avatars/x/../../etc/passwd")).toBeNull();
  });

  it("allows at most four conversation starters", () => {
    const four = ["a", "b", "c", "d"];
    expect(errorsOf({ conversationStarters: four })).toEqual({});
    expect(errorsOf({ conversationStarters: [...four, "e"] })).toEqual({
      conversationStarters: `Add at most ${GPT_LIMITS.starters} conversation starters.`,
    });
  });

  it("keeps the text limits: name 1-50, description 300, instructions 8,000", () => {
    expect(errorsOf({ name: "" })).toEqual({ name: "Give your GPT a name." });
    expect(errorsOf({ name: "n".repeat(51) })).toEqual({ name: "Use at most 50 characters." });
    expect(errorsOf({ description: "d".repeat(301) })).toEqual({
      description: "Use at most 300 characters.",
    });
    expect(errorsOf({ instructions: "i".repeat(8000) })).toEqual({});
    expect(errorsOf({ instructions: "i".repeat(8001) })).toEqual({
      instructions: "Use at most 8,000 characters.",
    });
  });

  it("reports the form's errors keyed by field path, as the editor shows them", () => {
    const parsed = parseDraftForm({
      ...EMPTY_DRAFT_FORM,
      name: "",
      temperature: 3,
      capabilities: ["knowledge", "bogus"],
      conversationStarters: ["ok", "s".repeat(GPT_LIMITS.starterLength + 1)],
    });
    expect(parsed.isValid).toBe(false);
    if (parsed.isValid) return;
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual([
      "capabilities.1",
      "conversationStarters.1",
      "name",
      "temperature",
    ]);
  });

  it("defaults the sharing switches to off", () => {
    const draft = gptDraftSchema.parse(base);
    expect(draft).toMatchObject({
      allowRemix: false,
      allowKnowledgeRemix: false,
      temperature: null,
      capabilities: [],
      avatarKey: null,
      avatarColor: null,
    });
  });
});
