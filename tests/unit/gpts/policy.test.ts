import { describe, expect, it } from "vitest";
import { canEditGpt, canRemixGpt, canViewGpt, isListedInStore } from "@/lib/gpts/policy";

const owner = { id: "owner", role: "USER" as const };
const stranger = { id: "stranger", role: "USER" as const };
const admin = { id: "admin", role: "ADMIN" as const };

type Gpt = Parameters<typeof canViewGpt>[1];
const gpt = (overrides: Partial<Gpt> = {}): Gpt => ({
  ownerId: "owner",
  visibility: "PUBLIC",
  status: "ACTIVE",
  publishedVersionId: "v1",
  ...overrides,
});

describe("[BUILDER]: canEditGpt", () => {
  it("lets only the owner edit", () => {
    expect(canEditGpt(owner, gpt())).toBe(true);
    expect(canEditGpt(stranger, gpt())).toBe(false);
    expect(canEditGpt(null, gpt())).toBe(false);
  });

  it("does not let admins edit someone else's GPT (they moderate, not author)", () => {
    expect(canEditGpt(admin, gpt())).toBe(false);
  });
});

describe("[BUILDER]: canViewGpt", () => {
  it("shows published public and link GPTs to everyone, signed in or not", () => {
    for (const visibility of ["PUBLIC", "LINK"] as const) {
      expect(canViewGpt(stranger, gpt({ visibility }))).toBe(true);
      expect(canViewGpt(null, gpt({ visibility }))).toBe(true);
    }
  });

  it("hides private GPTs from everyone but the owner and admins", () => {
    const privateGpt = gpt({ visibility: "PRIVATE" });
    expect(canViewGpt(stranger, privateGpt)).toBe(false);
    expect(canViewGpt(null, privateGpt)).toBe(false);
    expect(canViewGpt(owner, privateGpt)).toBe(true);
    expect(canViewGpt(admin, privateGpt)).toBe(true);
  });

  it("hides never-published GPTs from others, whatever their visibility", () => {
    const draftOnly = gpt({ publishedVersionId: null });
    expect(canViewGpt(stranger, draftOnly)).toBe(false);
    expect(canViewGpt(owner, draftOnly)).toBe(true);
  });

  it("hides removed GPTs from others but not from the owner or admins", () => {
    const removed = gpt({ status: "REMOVED" });
    expect(canViewGpt(stranger, removed)).toBe(false);
    expect(canViewGpt(null, removed)).toBe(false);
    expect(canViewGpt(owner, removed)).toBe(true);
    expect(canViewGpt(admin, removed)).toBe(true);
  });

  it("hides a deleted GPT from everyone, its owner and admins included", () => {
    for (const visibility of ["PUBLIC", "LINK", "PRIVATE"] as const) {
      const deleted = gpt({ visibility, isDeleted: true });
      for (const actor of [owner, stranger, admin, null]) {
        expect(canViewGpt(actor, deleted)).toBe(false);
      }
    }
  });
});

describe("[BUILDER]: isListedInStore", () => {
  it("lists only published, public, active GPTs", () => {
    expect(isListedInStore(gpt())).toBe(true);
    expect(isListedInStore(gpt({ visibility: "LINK" }))).toBe(false);
    expect(isListedInStore(gpt({ visibility: "PRIVATE" }))).toBe(false);
    expect(isListedInStore(gpt({ publishedVersionId: null }))).toBe(false);
    expect(isListedInStore(gpt({ status: "REMOVED" }))).toBe(false);
  });

  it("never lists a deleted GPT", () => {
    expect(isListedInStore(gpt({ isDeleted: true }))).toBe(false);
    expect(isListedInStore(gpt({ isDeleted: false }))).toBe(true);
  });
});

describe("[BUILDER]: canRemixGpt", () => {
  const remixable = (overrides: Partial<Gpt> = {}) => ({ ...gpt(overrides), allowRemix: true });

  it("lets any signed-in user remix a shared, published GPT whose owner allows it", () => {
    for (const visibility of ["PUBLIC", "LINK"] as const) {
      expect(canRemixGpt(stranger, remixable({ visibility }))).toBe(true);
    }
    expect(canRemixGpt(owner, remixable())).toBe(true);
  });

  it("refuses signed-out visitors and GPTs whose owner does not allow remixing", () => {
    expect(canRemixGpt(null, remixable())).toBe(false);
    expect(canRemixGpt(stranger, { ...gpt(), allowRemix: false })).toBe(false);
  });

  it("refuses private, unpublished, removed, deleted and banned-owner GPTs, admins included", () => {
    const hidden = [
      remixable({ visibility: "PRIVATE" }),
      remixable({ publishedVersionId: null }),
      remixable({ status: "REMOVED" }),
      remixable({ isDeleted: true }),
      remixable({ isOwnerBanned: true }),
    ];
    for (const candidate of hidden) {
      expect(canRemixGpt(stranger, candidate)).toBe(false);
      expect(canRemixGpt(admin, candidate)).toBe(false);
    }
  });
});
