import { describe, expect, it } from "vitest";
import {
  describeBuilderChange,
  formatFieldValue,
} from "@/components/builder/create-tab/describe-change";
import type { BuilderChangeView } from "@/lib/builder/schemas";

const categories = [{ id: "c1", name: "Education" }];

function change(fields: Partial<BuilderChangeView>): BuilderChangeView {
  return {
    id: "ch1",
    messageId: "m1",
    field: "name",
    before: "",
    after: "Trail Buddy",
    status: "APPLIED",
    createdAt: new Date(0).toISOString(),
    ...fields,
  };
}

describe("[BUILDER]: how the builder chat lists changes", () => {
  it("says what each applied change did", () => {
    expect(describeBuilderChange(change({}), categories)).toBe("Set the name to “Trail Buddy”");
    expect(describeBuilderChange(change({ field: "instructions", after: "x" }), categories)).toBe(
      "Updated instructions",
    );
    expect(
      describeBuilderChange(
        change({ field: "conversationStarters", after: ["a", "b"] }),
        categories,
      ),
    ).toBe("Set 2 conversation starters");
    expect(describeBuilderChange(change({ field: "categoryId", after: "c1" }), categories)).toBe(
      "Set the category to Education",
    );
  });

  it("marks proposals, undone and dismissed changes", () => {
    expect(
      describeBuilderChange(change({ field: "instructions", status: "PROPOSED" }), categories),
    ).toBe("Proposed change to Instructions — you edited this field yourself");
    expect(describeBuilderChange(change({ status: "UNDONE" }), categories)).toBe(
      "Undone: set the name to “Trail Buddy”",
    );
    expect(describeBuilderChange(change({ status: "DISMISSED" }), categories)).toBe(
      "Dismissed the proposed change to Name",
    );
  });

  it("formats proposed values for the preview", () => {
    expect(
      formatFieldValue(change({ field: "conversationStarters", after: ["a", "b"] }), categories),
    ).toBe("• a\n• b");
    expect(formatFieldValue(change({ field: "categoryId", after: null }), categories)).toBe(
      "No category",
    );
  });
});
