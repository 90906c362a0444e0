import { createHash } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  formatPackageProblems,
  GPT_PACKAGE_LIMITS,
  parseGptPackage,
  zipEntryNameProblem,
} from "@/lib/gpts/package/package-schema";
import { readGptPackage } from "@/lib/gpts/package/read-gpt-package";

const minimal = { format: "atelier.gpt", version: 1, gpt: { name: "Math Tutor" } };

function withGpt(gpt: Record<string, unknown>) {
  return { ...minimal, gpt: { ...minimal.gpt, ...gpt } };
}

function problemsOf(value: unknown): Record<string, string[]> {
  const result = parseGptPackage(value);
  if (result.success) throw new Error("expected the package to be refused");
  return result.problems;
}

function json(value: unknown): Uint8Array {
  return strToU8(JSON.stringify(value));
}

/** The AppError readGptPackage throws, with its field errors. */
function readProblems(bytes: Uint8Array): Record<string, string[]> {
  try {
    readGptPackage(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("bad_request");
    return (error as AppError).fieldErrors ?? {};
  }
  throw new Error("expected the package to be refused");
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("[PACKAGE]: package schema", () => {
  it("accepts a hand-written minimal package and fills the defaults", () => {
    const result = parseGptPackage(minimal);
    expect(result).toEqual({
      success: true,
      data: {
        format: "atelier.gpt",
        version: 1,
        gpt: {
          name: "Math Tutor",
          description: "",
          instructions: "",
          conversationStarters: [],
          category: null,
          model: null,
          avatar: null,
          temperature: null,
          capabilities: [],
          knowledgeTopK: 5,
          knowledgeMinScore: 0.1,
          hideKnowledgeSources: false,
          knowledgeOnly: false,
        },
        actions: [],
        knowledge: [],
      },
    });
  });

  it("accepts a full exported package", () => {
    const full = {
      ...minimal,
      exportedAt: "2026-11-22T10:00:00.000Z",
      source: {
        instance: "atelier.example",
        gptId: "c1",
        slug: "math-tutor-abc123",
        versionNumber: 3,
      },
      gpt: {
        name: "Math Tutor",
        description: "Explains maths step by step.",
        instructions: "Be patient.",
        conversationStarters: ["Explain fractions"],
        category: { slug: "education", name: "Education" },
        model: { modelId: "gpt-4o-mini", displayName: "GPT-4o mini" },
        avatar: { dataUri: "data:image/webp;base64,UklGRg==" },
        temperature: 0.7,
        capabilities: ["knowledge"],
      },
      actions: [
        { name: "Weather", description: "", openapi: { openapi: "3.1.0" }, authKind: "none" },
      ],
    };
    expect(parseGptPackage(full).success).toBe(true);
  });

  it("reports each invalid field at its package path with the draft form's message", () => {
    const problems = problemsOf(
      withGpt({
        name: "n".repeat(51),
        conversationStarters: ["a", "b", "c", "d", "e"],
        temperature: 3,
        capabilities: ["knowledge", "teleportation"],
        avatar: { color: "#123456" },
        category: { name: "No slug" },
      }),
    );
    expect(problems["gpt.name"]).toEqual(["Use at most 50 characters."]);
    expect(problems["gpt.conversationStarters"]).toEqual(["Add at most 4 conversation starters."]);
    expect(problems["gpt.temperature"]).toEqual(["Use a temperature between 0 and 2."]);
    expect(problems["gpt.capabilities.1"]?.[0]).toMatch(/^Unknown capability "teleportation"/);
    expect(problems["gpt.avatar.color"]?.[0]).toMatch(/palette colours/);
    expect(problems["gpt.category.slug"]).toEqual(["Required."]);
    expect(Object.keys(problems).sort()).toEqual([
      "gpt.avatar.color",
      "gpt.capabilities.1",
      "gpt.category.slug",
      "gpt.conversationStarters",
      "gpt.name",
      "gpt.temperature",
    ]);
  });

  it("formats problems as 'path: message' lines", () => {
    const lines = formatPackageProblems(problemsOf(withGpt({ name: "n".repeat(51) })));
    expect(lines).toEqual(["gpt.name: Use at most 50 characters."]);
  });

  it("refuses a document of another format, naming the expected one", () => {
    expect(problemsOf({ ...minimal, format: "openai.gpt" })).toEqual({
      format: ['Expected "atelier.gpt", got "openai.gpt".'],
    });
    expect(problemsOf({ version: 1, gpt: { name: "x" } })).toEqual({
      format: ['Required: "atelier.gpt".'],
    });
    expect(problemsOf([minimal])).toEqual({ file: ["The package must be a JSON object."] });
  });

  it("refuses a newer version with that one problem, not a list of field errors", () => {
    expect(problemsOf({ format: "atelier.gpt", version: 2, gpt: { nonsense: true } })).toEqual({
      version: ["Version 2 is newer than this instance supports (1). Update Atelier to import it."],
    });
    expect(Object.keys(problemsOf({ ...minimal, version: 1.5 }))).toEqual(["version"]);
  });

  it("requires a missing gpt and name as 'Required.'", () => {
    expect(problemsOf({ format: "atelier.gpt", version: 1 })).toEqual({ gpt: ["Required."] });
    expect(problemsOf({ ...minimal, gpt: {} })).toEqual({ "gpt.name": ["Required."] });
  });

  it("refuses an avatar that is both, neither, not an image data URI, or too large", () => {
    expect(Object.keys(problemsOf(withGpt({ avatar: {} })))).toEqual(["gpt.avatar"]);
    expect(
      Object.keys(
        problemsOf(
          withGpt({ avatar: { color: "#4f46e5", dataUri: "data:image/png;base64,iVBORw==" } }),
        ),
      ),
    ).toEqual(["gpt.avatar"]);
    expect(problemsOf(withGpt({ avatar: { dataUri: "data:text/html;base64,PGI+" } }))).toEqual({
      "gpt.avatar.dataUri": [
        "Use a base64 data URI of a PNG, JPEG, WebP or GIF image (data:image/webp;base64,…).",
      ],
    });
    const huge = `data:image/webp;base64,${"A".repeat(GPT_PACKAGE_LIMITS.avatarDataUriLength)}`;
    expect(problemsOf(withGpt({ avatar: { dataUri: huge } }))["gpt.avatar.dataUri"]).toContain(
      "The picture is too large (at most 2 MB).",
    );
  });

  it("refuses knowledge entries whose names or paths would leave knowledge/", () => {
    const entry = { name: "notes.md", mimeType: "text/markdown", size: 1, sha256: "a".repeat(64) };
    const problems = problemsOf({
      ...minimal,
      knowledge: [
        { ...entry, path: "knowledge/notes.md" },
        { ...entry, name: "../../etc/passwd", path: "knowledge/../../etc/passwd" },
        { ...entry, name: "other.md", path: "elsewhere/other.md" },
        { ...entry, path: "knowledge/notes.md" },
      ],
    });
    expect(problems["knowledge.1.name"]?.[0]).toMatch(/plain file name/);
    expect(problems["knowledge.2.path"]).toEqual(['Must be "knowledge/other.md".']);
    expect(problems["knowledge.3.name"]).toEqual([
      'Another knowledge file is already named "notes.md".',
    ]);
  });

  it("flags unsafe zip entry names", () => {
    expect(zipEntryNameProblem("gpt.json")).toBeNull();
    expect(zipEntryNameProblem("knowledge/notes.md")).toBeNull();
    for (const name of [
      "../gpt.json",
      "knowledge/../../evil.sh",
      "/etc/passwd",
      "C:/Windows/evil.dll",
      "knowledge\\..\\evil",
      "knowledge/./x",
      "",
    ]) {
      expect(zipEntryNameProblem(name), name).not.toBeNull();
    }
  });
});

describe("[PACKAGE]: reading an uploaded file", () => {
  it("reads a JSON package and a zip package (told apart by content, not name)", () => {
    expect(readGptPackage(json(minimal))).toMatchObject({
      container: "json",
      pkg: { gpt: { name: "Math Tutor" } },
    });
    const zip = zipSync({ "gpt.json": json(minimal) });
    expect(readGptPackage(zip)).toMatchObject({ container: "zip", knowledgeFiles: [] });
  });

  it("says when the file is not JSON, or empty", () => {
    expect(readProblems(strToU8("name: Math Tutor"))).toEqual({
      file: [expect.stringMatching(/^Not a JSON file or a \.zip package \(/)],
    });
    expect(readProblems(new Uint8Array())).toEqual({ file: ["The file is empty."] });
    expect(readProblems(new Uint8Array([0xff, 0xfe, 0x00]))).toEqual({
      file: ["Not a JSON file or a .zip package (not UTF-8 text)."],
    });
  });

  it("refuses a JSON document over 5 MB before parsing it", () => {
    const big = new Uint8Array(GPT_PACKAGE_LIMITS.jsonBytes + 1).fill(0x20);
    expect(readProblems(big)).toEqual({ file: ["The file is larger than 5 MB."] });
  });

  it("says when a zip has no gpt.json at its top level", () => {
    const zip = zipSync({ "my-gpt/gpt.json": json(minimal) });
    expect(readProblems(zip)).toEqual({
      "my-gpt/gpt.json": [expect.stringMatching(/^Not part of a GPT package/)],
    });
    expect(readProblems(zipSync({ "knowledge/a.txt": strToU8("a") }))).toEqual({
      file: ["The zip has no gpt.json at its top level."],
    });
  });

  it("refuses a zip with path traversal entries before unpacking anything", () => {
    const zip = zipSync({ "gpt.json": json(minimal), "../../evil.sh": strToU8("rm -rf /") });
    expect(readProblems(zip)).toEqual({
      "../../evil.sh": [
        "Entry names cannot contain “.” or “..” segments (they would leave the package).",
      ],
    });
  });

  it("refuses a zip with more than 100 entries", () => {
    const files: Record<string, Uint8Array> = { "gpt.json": json(minimal) };
    for (let index = 0; index < 100; index++) files[`knowledge/${index}.txt`] = strToU8("x");
    expect(readProblems(zipSync(files))).toEqual({
      file: ["The zip has 101 entries; a package has at most 100."],
    });
  });

  it("checks knowledge files against their listed size and SHA-256, and unlisted files", () => {
    const notes = strToU8("# Notes");
    const listed = {
      ...minimal,
      knowledge: [
        {
          name: "notes.md",
          mimeType: "text/markdown",
          size: notes.length,
          sha256: sha256(notes),
          path: "knowledge/notes.md",
        },
      ],
    };
    const good = zipSync({ "gpt.json": json(listed), "knowledge/notes.md": notes });
    const read = readGptPackage(good);
    expect(read.knowledgeFiles).toEqual([{ path: "knowledge/notes.md", bytes: notes }]);

    const tampered = zipSync({
      "gpt.json": json(listed),
      "knowledge/notes.md": strToU8("# Notez"),
      "knowledge/extra.md": strToU8("?"),
    });
    expect(readProblems(tampered)).toEqual({
      "knowledge.0.sha256": ["knowledge/notes.md does not match its SHA-256."],
      "knowledge/extra.md": ["This file is not listed in gpt.json's knowledge."],
    });
    expect(readProblems(zipSync({ "gpt.json": json(listed) }))).toEqual({
      "knowledge.0.path": ["The zip has no knowledge/notes.md."],
    });
  });

  it("reads knowledge entries in the JSON form as a list without files", () => {
    const entry = {
      name: "notes.md",
      kind: "markdown",
      mimeType: "text/markdown",
      size: 1,
      sha256: "a".repeat(64),
      path: "knowledge/notes.md",
    };
    const read = readGptPackage(json({ ...minimal, knowledge: [entry] }));
    expect(read.container).toBe("json");
    expect(read.pkg.knowledge).toEqual([entry]);
    expect(read.knowledgeFiles).toEqual([]);
  });
});
