import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  BUILDER_TOOL_FIELDS,
  builderChangeActionSchema,
  builderToolInputSchemas,
  builderTurnRequestSchema,
} from "@/lib/builder/schemas";
import { gptDraftSchema } from "@/lib/gpts/schemas";
import { AVATAR_COLORS } from "@/lib/utils/avatar-colors";

describe("[BUILDER]: builder tool input schemas", () => {
  it("accepts the arguments each tool documents", () => {
    expect(builderToolInputSchemas.set_name.parse({ name: "Trail Buddy" })).toEqual({
      name: "Trail Buddy",
    });
    expect(
      builderToolInputSchemas.set_conversation_starters.parse({ starters: ["Plan a hike"] }),
    ).toEqual({ starters: ["Plan a hike"] });
    expect(builderToolInputSchemas.set_category.parse({ category: "education" })).toEqual({
      category: "education",
    });
    expect(builderToolInputSchemas.set_avatar.parse({ color: AVATAR_COLORS[3] })).toEqual({
      color: AVATAR_COLORS[3],
    });
  });

  it("rejects missing or mistyped arguments, and colours outside the palette", () => {
    expect(builderToolInputSchemas.set_name.safeParse({}).success).toBe(false);
    expect(builderToolInputSchemas.set_instructions.safeParse({ instructions: 3 }).success).toBe(
      false,
    );
    expect(
      builderToolInputSchemas.set_conversation_starters.safeParse({ starters: "one" }).success,
    ).toBe(false);
    expect(builderToolInputSchemas.set_avatar.safeParse({ color: "#000000" }).success).toBe(false);
  });

  it("describes every argument to the model as JSON schema, with the palette as an enum", () => {
    for (const schema of Object.values(builderToolInputSchemas)) {
      const json = z.toJSONSchema(schema) as {
        properties: Record<string, { description?: string }>;
        required: string[];
      };
      expect(json.required).toHaveLength(1);
      for (const property of Object.values(json.properties)) {
        expect(property.description).toBeTruthy();
      }
    }
    const avatar = z.toJSONSchema(builderToolInputSchemas.set_avatar) as unknown as {
      properties: { color: { enum: string[] } };
    };
    expect(avatar.properties.color.enum).toEqual([...AVATAR_COLORS]);
  });

  it("maps every tool to a field the draft schema validates", () => {
    for (const field of Object.values(BUILDER_TOOL_FIELDS)) {
      expect(gptDraftSchema.shape[field]).toBeDefined();
    }
  });
});

describe("[BUILDER]: builder API request schemas", () => {
  it("needs a non-empty message and a positive revision; trigger defaults to submit", () => {
    expect(builderTurnRequestSchema.parse({ message: "  hi  ", revision: 2 })).toEqual({
      message: "hi",
      revision: 2,
      trigger: "submit-message",
    });
    expect(builderTurnRequestSchema.safeParse({ message: " ", revision: 2 }).success).toBe(false);
    expect(builderTurnRequestSchema.safeParse({ message: "hi", revision: 0 }).success).toBe(false);
  });

  it("accepts only undo, apply and dismiss actions", () => {
    expect(builderChangeActionSchema.parse({ action: "undo", revision: 1 }).action).toBe("undo");
    expect(builderChangeActionSchema.safeParse({ action: "redo", revision: 1 }).success).toBe(
      false,
    );
  });
});
