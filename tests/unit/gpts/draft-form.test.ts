import { describe, expect, it } from "vitest";
import {
  EMPTY_DRAFT_FORM,
  fieldOfErrorKey,
  firstFieldErrors,
  isEmptyDraftForm,
  parseDraftForm,
} from "@/lib/gpts/draft-form";

const form = { ...EMPTY_DRAFT_FORM, name: "Tutor", conversationStarters: ["Hi", ""] };

describe("[BUILDER]: editor form parsing", () => {
  it("treats edits that normalise to the saved draft as unchanged", () => {
    const saved = parseDraftForm(form);
    const retyped = parseDraftForm({
      ...form,
      name: " Tutor ",
      conversationStarters: ["Hi ", "  "],
    });
    expect(saved.isValid && retyped.isValid).toBe(true);
    if (saved.isValid && retyped.isValid) expect(retyped.snapshot).toBe(saved.snapshot);
  });

  it("changes the snapshot when a saved field changes", () => {
    const a = parseDraftForm(form);
    const b = parseDraftForm({ ...form, instructions: "Be kind." });
    if (!a.isValid || !b.isValid) throw new Error("expected valid forms");
    expect(b.snapshot).not.toBe(a.snapshot);
  });

  it("reports errors under the same keys the API uses", () => {
    const result = parseDraftForm({
      ...form,
      name: "",
      conversationStarters: ["ok", "x".repeat(201)],
    });
    expect(result.isValid).toBe(false);
    if (!result.isValid) {
      expect(Object.keys(result.fieldErrors).sort()).toEqual(["conversationStarters.1", "name"]);
      expect(fieldOfErrorKey("conversationStarters.1")).toBe("conversationStarters");
    }
  });

  it("keeps the first message per field from an API error", () => {
    expect(firstFieldErrors({ name: ["Too long", "Other"], description: [] })).toEqual({
      name: "Too long",
    });
  });

  it("knows when a new GPT's form is still untouched", () => {
    expect(isEmptyDraftForm(EMPTY_DRAFT_FORM)).toBe(true);
    expect(isEmptyDraftForm({ ...EMPTY_DRAFT_FORM, conversationStarters: ["  "] })).toBe(true);
    expect(isEmptyDraftForm({ ...EMPTY_DRAFT_FORM, instructions: "Hi" })).toBe(false);
  });
});
