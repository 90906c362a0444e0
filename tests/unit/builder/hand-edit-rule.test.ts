import { describe, expect, it } from "vitest";
import {
  decideBuilderChange,
  isHandEdited,
  isUnsetFieldValue,
  UNTITLED_GPT_NAME,
} from "@/lib/builder/fields";

describe("[BUILDER]: the hand-edit rule", () => {
  it("applies a change to an empty field", () => {
    for (const [field, current] of [
      ["name", ""],
      ["name", UNTITLED_GPT_NAME],
      ["description", "   "],
      ["instructions", ""],
      ["conversationStarters", []],
      ["conversationStarters", ["", "  "]],
      ["categoryId", null],
      ["avatarColor", null],
    ] as const) {
      expect(
        decideBuilderChange({ field, current, proposed: "x", lastAppliedByBuilder: null }),
        `${field} = ${JSON.stringify(current)}`,
      ).toBe("apply");
    }
  });

  it("applies a change while the field still holds the builder's own last value", () => {
    expect(
      decideBuilderChange({
        field: "instructions",
        current: "Be a pirate.",
        proposed: "Be a polite pirate.",
        lastAppliedByBuilder: { value: "Be a pirate." },
      }),
    ).toBe("apply");
    expect(
      decideBuilderChange({
        field: "conversationStarters",
        current: ["a", "b"],
        proposed: ["c"],
        lastAppliedByBuilder: { value: ["a", "b"] },
      }),
    ).toBe("apply");
  });

  it("only proposes a change to a field the creator edited by hand", () => {
    // Never set by the builder, but filled in by the creator.
    expect(
      decideBuilderChange({
        field: "name",
        current: "My own name",
        proposed: "Trail Buddy",
        lastAppliedByBuilder: null,
      }),
    ).toBe("propose");
    // Set by the builder, then edited by the creator.
    expect(
      decideBuilderChange({
        field: "instructions",
        current: "Be a pirate. Also rhyme.",
        proposed: "Be formal.",
        lastAppliedByBuilder: { value: "Be a pirate." },
      }),
    ).toBe("propose");
    // Order matters for starters: a reordering by hand is a hand edit.
    expect(
      decideBuilderChange({
        field: "conversationStarters",
        current: ["b", "a"],
        proposed: ["c"],
        lastAppliedByBuilder: { value: ["a", "b"] },
      }),
    ).toBe("propose");
  });

  it("reports a change to the value the field already has as unchanged, even if hand-edited", () => {
    expect(
      decideBuilderChange({
        field: "name",
        current: "Same",
        proposed: "Same",
        lastAppliedByBuilder: null,
      }),
    ).toBe("unchanged");
  });

  it("knows which fields count as unset or hand-edited", () => {
    expect(isUnsetFieldValue("description", UNTITLED_GPT_NAME)).toBe(false);
    expect(isUnsetFieldValue("name", "  ")).toBe(true);
    expect(isUnsetFieldValue("avatarColor", "#4f46e5")).toBe(false);
    expect(
      isHandEdited({ field: "name", current: "Mine", lastAppliedByBuilder: { value: "Theirs" } }),
    ).toBe(true);
    expect(
      isHandEdited({ field: "name", current: "Theirs", lastAppliedByBuilder: { value: "Theirs" } }),
    ).toBe(false);
    expect(isHandEdited({ field: "categoryId", current: null, lastAppliedByBuilder: null })).toBe(
      false,
    );
  });
});
