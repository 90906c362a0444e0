import { describe, expect, it } from "vitest";
import { modelConfigInputSchema, modelConfigPatchSchema } from "@/lib/models/schemas";

describe("[MODELS]: model config schemas", () => {
  it("coerces form strings and applies defaults on create", () => {
    const parsed = modelConfigInputSchema.parse({
      displayName: " Llama ",
      baseUrl: "http://localhost:11434/v1",
      modelId: "llama3.2",
      inputPricePerMillion: "0.5",
      outputPricePerMillion: "1",
      contextWindow: "8192",
    });
    expect(parsed).toMatchObject({
      displayName: "Llama",
      inputPricePerMillion: 0.5,
      contextWindow: 8192,
      isDefault: false,
      isEnabled: true,
    });
  });

  it("rejects non-http base URLs, negative prices and tiny context windows with field paths", () => {
    const result = modelConfigInputSchema.safeParse({
      displayName: "x",
      baseUrl: "file:///etc/passwd",
      modelId: "m",
      inputPricePerMillion: "-1",
      outputPricePerMillion: "abc",
      contextWindow: "12",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths.sort()).toEqual(
      ["baseUrl", "contextWindow", "inputPricePerMillion", "outputPricePerMillion"].sort(),
    );
  });

  it("a patch carries only the fields sent: no defaults sneak in", () => {
    expect(modelConfigPatchSchema.parse({ isEnabled: false })).toEqual({ isEnabled: false });
    expect(modelConfigPatchSchema.parse({ apiKey: null })).toEqual({ apiKey: null });
    expect(modelConfigPatchSchema.parse({ contextWindow: "4096" })).toEqual({
      contextWindow: 4096,
    });
  });

  it("a patch still validates what it carries, and must carry something", () => {
    expect(modelConfigPatchSchema.safeParse({ baseUrl: "nope" }).success).toBe(false);
    expect(modelConfigPatchSchema.safeParse({}).success).toBe(false);
  });
});
