import { describe, expect, it } from "vitest";
import { UNTITLED_GPT_NAME } from "@/lib/builder/fields";
import { builderSystemPrompt } from "@/lib/builder/system-prompt";
import { AVATAR_COLORS } from "@/lib/utils/avatar-colors";

const categories = [
  { id: "c1", slug: "education", name: "Education" },
  { id: "c2", slug: "lifestyle", name: "Lifestyle" },
];

const emptyDraft = {
  name: "",
  description: "",
  instructions: "",
  conversationStarters: [],
  categoryId: null,
  avatarColor: null,
};

describe("[BUILDER]: the builder's system prompt", () => {
  it("shows the current draft, the categories by slug and the avatar palette", () => {
    const prompt = builderSystemPrompt({
      draft: {
        name: "Trail Buddy",
        description: "Plans hikes.",
        instructions: "You plan day hikes.",
        conversationStarters: ["Plan a hike", ""],
        categoryId: "c2",
        avatarColor: AVATAR_COLORS[0],
      },
      categories,
      handEditedFields: [],
    });
    expect(prompt).toContain("- Name: Trail Buddy");
    expect(prompt).toContain("You plan day hikes.");
    expect(prompt).toContain('Conversation starters: "Plan a hike"');
    expect(prompt).toContain("Category: Lifestyle (lifestyle)");
    expect(prompt).toContain("education (Education), lifestyle (Lifestyle)");
    expect(prompt).toContain(AVATAR_COLORS.at(-1));
    expect(prompt).not.toContain("edited these fields by hand");
  });

  it("treats the placeholder name as no name and says when no categories exist", () => {
    const prompt = builderSystemPrompt({
      draft: { ...emptyDraft, name: UNTITLED_GPT_NAME },
      categories: [],
      handEditedFields: [],
    });
    expect(prompt).toContain("- Name: (empty)");
    expect(prompt).toContain("do not call set_category");
  });

  it("names the fields the creator edited by hand, so the model expects proposals", () => {
    const prompt = builderSystemPrompt({
      draft: emptyDraft,
      categories,
      handEditedFields: ["instructions", "conversationStarters"],
    });
    expect(prompt).toContain(
      "The creator edited these fields by hand: Instructions, Conversation starters.",
    );
  });
});
