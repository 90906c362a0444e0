import { describe, expect, it } from "vitest";
import {
  GPT_LIMITS,
  gptDraftSchema,
  publishGptSchema,
  updateGptDraftSchema,
} from "@/lib/gpts/schemas";

const valid = { name: "Math Tutor" };

function errorPaths(input: unknown) {
  const result = gptDraftSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

describe("[BUILDER]: draft schema", () => {
  it("fills defaults for a name-only draft", () => {
    expect(gptDraftSchema.parse(valid)).toEqual({
      name: "Math Tutor",
      description: "",
      instructions: "",
      conversationStarters: [],
      modelConfigId: null,
      categoryId: null,
      avatarKey: null,
      avatarColor: null,
      temperature: null,
      capabilities: [],
      knowledgeTopK: 5,
      knowledgeMinScore: 0.1,
      hideKnowledgeSources: false,
      knowledgeOnly: false,
      allowRemix: false,
      allowKnowledgeRemix: false,
    });
  });

  it("requires a name and trims it", () => {
    expect(errorPaths({ name: "   " })).toEqual(["name"]);
    expect(gptDraftSchema.parse({ name: "  Tutor  " }).name).toBe("Tutor");
  });

  it("accepts fields exactly at their limits and rejects one character more", () => {
    const atLimit = {
      name: "n".repeat(GPT_LIMITS.name),
      description: "d".repeat(GPT_LIMITS.description),
      instructions: "i".repeat(GPT_LIMITS.instructions),
      conversationStarters: ["s".repeat(GPT_LIMITS.starterLength)],
    };
    expect(gptDraftSchema.safeParse(atLimit).success).toBe(true);
    expect(errorPaths({ ...atLimit, name: `${atLimit.name}n` })).toEqual(["name"]);
    expect(errorPaths({ ...atLimit, description: `${atLimit.description}d` })).toEqual([
      "description",
    ]);
    expect(errorPaths({ ...atLimit, instructions: `${atLimit.instructions}i` })).toEqual([
      "instructions",
    ]);
    expect(
      errorPaths({
        ...atLimit,
        conversationStarters: ["ok", `${atLimit.conversationStarters[0]}s`],
      }),
    ).toEqual(["conversationStarters.1"]);
  });

  it("keeps instructions verbatim (whitespace is meaningful in prompts)", () => {
    expect(
      gptDraftSchema.parse({ ...valid, instructions: "  Step 1\n  Step 2\n" }).instructions,
    ).toBe("  Step 1\n  Step 2\n");
  });

  it("trims conversation starters and drops blank ones", () => {
    const draft = gptDraftSchema.parse({
      ...valid,
      conversationStarters: ["  Hi there ", "", "   ", "Help me"],
    });
    expect(draft.conversationStarters).toEqual(["Hi there", "Help me"]);
  });

  it("allows at most four conversation starters", () => {
    expect(
      gptDraftSchema.safeParse({ ...valid, conversationStarters: ["a", "b", "c", "d"] }).success,
    ).toBe(true);
    expect(errorPaths({ ...valid, conversationStarters: ["a", "b", "c", "d", "e"] })).toEqual([
      "conversationStarters",
    ]);
  });

  it("treats an empty model or category id as invalid, null as the default", () => {
    expect(errorPaths({ ...valid, modelConfigId: "" })).toEqual(["modelConfigId"]);
    expect(
      gptDraftSchema.parse({ ...valid, modelConfigId: null, categoryId: null }).modelConfigId,
    ).toBeNull();
  });

  it("requires a positive integer revision to update a draft", () => {
    expect(updateGptDraftSchema.safeParse({ ...valid, revision: 3 }).success).toBe(true);
    expect(updateGptDraftSchema.safeParse(valid).success).toBe(false);
    expect(updateGptDraftSchema.safeParse({ ...valid, revision: 0 }).success).toBe(false);
    expect(updateGptDraftSchema.safeParse({ ...valid, revision: 1.5 }).success).toBe(false);
  });
});

describe("[BUILDER]: publish schema", () => {
  it("accepts the three visibilities and rejects anything else", () => {
    for (const visibility of ["PRIVATE", "LINK", "PUBLIC"]) {
      expect(publishGptSchema.safeParse({ visibility }).success).toBe(true);
    }
    expect(publishGptSchema.safeParse({ visibility: "FRIENDS" }).success).toBe(false);
    expect(publishGptSchema.safeParse({}).success).toBe(false);
  });

  it("limits the release note to 500 characters after trimming", () => {
    expect(
      publishGptSchema.parse({ visibility: "PUBLIC", releaseNote: "  New tone  " }).releaseNote,
    ).toBe("New tone");
    expect(
      publishGptSchema.safeParse({ visibility: "PUBLIC", releaseNote: "x".repeat(501) }).success,
    ).toBe(false);
  });
});
