import { describe, expect, it } from "vitest";
import { diffConfigs, diffTextLines } from "@/lib/gpts/diff-configs";
import { type GptConfig, VERSIONED_FIELDS } from "@/lib/gpts/gpt-config";

const base: GptConfig = {
  name: "Tide Tables",
  description: "Knows when the tide turns.",
  instructions: "Be brief.\nAnswer in metres.\nCite the harbour.",
  conversationStarters: ["When is high tide?", "Is it safe to swim?"],
  categoryId: "cat-1",
  modelConfigId: "model-1",
  avatarKey: null,
  avatarColor: null,
  temperature: null,
  capabilities: [],
  knowledgeTopK: 5,
  knowledgeMinScore: 0.1,
  hideKnowledgeSources: false,
  knowledgeOnly: false,
};

const names = {
  categories: { "cat-1": "Travel", "cat-2": "Education" },
  models: { "model-1": "Fast model", "model-2": "Old model (disabled)" },
};

function field(diff: ReturnType<typeof diffConfigs>, name: (typeof VERSIONED_FIELDS)[number]) {
  const found = diff.fields.find((candidate) => candidate.field === name);
  if (!found) throw new Error(`no ${name} in diff`);
  return found;
}

describe("[VERSIONS]: diffing a version against the draft", () => {
  it("lists every versioned field, in order, and none as changed when the configs are equal", () => {
    const diff = diffConfigs({ before: base, after: { ...base }, names });
    expect(diff.fields.map((entry) => entry.field)).toEqual([...VERSIONED_FIELDS]);
    expect(diff.changedFields).toEqual([]);
    expect(diff.fields.every((entry) => !entry.isChanged)).toBe(true);
  });

  it("diffs instructions line by line: only the edited line is removed and added", () => {
    const diff = diffConfigs({
      before: base,
      after: { ...base, instructions: "Be brief.\nAnswer in feet.\nCite the harbour." },
      names,
    });
    expect(diff.changedFields).toEqual(["instructions"]);
    const instructions = field(diff, "instructions");
    expect(instructions.kind).toBe("lines");
    if (instructions.kind !== "lines") return;
    expect(instructions.lines).toEqual([
      { kind: "unchanged", text: "Be brief." },
      { kind: "removed", text: "Answer in metres." },
      { kind: "added", text: "Answer in feet." },
      { kind: "unchanged", text: "Cite the harbour." },
    ]);
  });

  it("treats a missing final newline as no change, so appending a line shows one added line", () => {
    expect(diffTextLines("a\nb", "a\nb\nc")).toEqual([
      { kind: "unchanged", text: "a" },
      { kind: "unchanged", text: "b" },
      { kind: "added", text: "c" },
    ]);
    expect(diffTextLines("a\r\nb\r\n", "a\nb")).toEqual([
      { kind: "unchanged", text: "a" },
      { kind: "unchanged", text: "b" },
    ]);
    expect(diffTextLines("", "")).toEqual([]);
    expect(diffTextLines("", "new")).toEqual([{ kind: "added", text: "new" }]);
    expect(diffTextLines("keep\n\nblank", "keep\n\nblank")).toEqual([
      { kind: "unchanged", text: "keep" },
      { kind: "unchanged", text: "" },
      { kind: "unchanged", text: "blank" },
    ]);
  });

  it("diffs description and starters as lines, one starter per line", () => {
    const diff = diffConfigs({
      before: base,
      after: {
        ...base,
        description: "Knows the tides.",
        conversationStarters: ["When is high tide?", "What about low tide?"],
      },
      names,
    });
    expect(diff.changedFields).toEqual(["description", "conversationStarters"]);
    const starters = field(diff, "conversationStarters");
    if (starters.kind !== "lines") throw new Error("starters should be a line diff");
    expect(starters.lines).toEqual([
      { kind: "unchanged", text: "When is high tide?" },
      { kind: "removed", text: "Is it safe to swim?" },
      { kind: "added", text: "What about low tide?" },
    ]);
  });

  it("shows category and model by name, disabled and deleted ones included", () => {
    const diff = diffConfigs({
      before: base,
      after: { ...base, categoryId: "cat-gone", modelConfigId: "model-2" },
      names,
    });
    expect(field(diff, "categoryId")).toMatchObject({
      kind: "value",
      isChanged: true,
      before: "Travel",
      after: "Deleted category",
    });
    expect(field(diff, "modelConfigId")).toMatchObject({
      before: "Fast model",
      after: "Old model (disabled)",
    });
    const cleared = diffConfigs({
      before: base,
      after: { ...base, categoryId: null, modelConfigId: null },
      names,
    });
    expect(field(cleared, "categoryId")).toMatchObject({ after: "No category" });
    expect(field(cleared, "modelConfigId")).toMatchObject({ after: "Default model" });
  });

  it("gives readable before/after values for the avatar, temperature and capabilities", () => {
    const diff = diffConfigs({
      before: base,
      after: {
        ...base,
        avatarKey: "avatars/owner1/abcdefghijklmnop.webp",
        avatarColor: "#4f46e5",
        temperature: 0.7,
        capabilities: ["web_browsing", "knowledge"],
      },
      names,
    });
    expect(diff.changedFields).toEqual(["avatarKey", "avatarColor", "temperature", "capabilities"]);
    expect(field(diff, "avatarKey")).toMatchObject({
      before: "Generated from initials",
      after: "Uploaded picture",
    });
    expect(field(diff, "avatarColor")).toMatchObject({ before: "Automatic", after: "#4f46e5" });
    expect(field(diff, "temperature")).toMatchObject({ before: "Model default", after: "0.7" });
    // Capabilities compare as a set (sorted), shown by label.
    expect(field(diff, "capabilities")).toMatchObject({
      before: "None",
      after: "Knowledge retrieval, Web browsing",
    });
  });

  it("tells two different uploaded pictures apart and ignores capability order", () => {
    const diff = diffConfigs({
      before: { ...base, avatarKey: "avatars/o/aaaaaaaaaaaaaaaa.webp", capabilities: ["a", "b"] },
      after: { ...base, avatarKey: "avatars/o/bbbbbbbbbbbbbbbb.webp", capabilities: ["b", "a"] },
      names,
    });
    expect(diff.changedFields).toEqual(["avatarKey"]);
    const avatar = field(diff, "avatarKey");
    if (avatar.kind !== "value") throw new Error("avatar should be a value diff");
    expect(avatar.before).not.toEqual(avatar.after);
  });

  it("shows a changed name as before/after, with an empty value spelled out", () => {
    const diff = diffConfigs({ before: base, after: { ...base, name: "Tides" }, names });
    expect(field(diff, "name")).toMatchObject({
      kind: "value",
      before: "Tide Tables",
      after: "Tides",
    });
    const emptied = diffConfigs({
      before: base,
      after: { ...base, instructions: "" },
      names,
    });
    const instructions = field(emptied, "instructions");
    if (instructions.kind !== "lines") throw new Error("instructions should be a line diff");
    expect(instructions.lines.every((line) => line.kind === "removed")).toBe(true);
    expect(instructions.lines).toHaveLength(3);
  });
});
