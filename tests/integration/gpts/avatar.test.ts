import { rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getAvatarRoute } from "@/app/api/files/avatars/[owner]/[file]/route";
import { POST as uploadRoute } from "@/app/api/gpts/avatars/route";
import type { Actor } from "@/lib/auth/session";
import { storageDir } from "@/lib/env";
import { MAX_AVATAR_BYTES } from "@/lib/gpts/avatar/avatar-rules";
import { storeAvatarImage } from "@/lib/gpts/avatar/store-avatar-image";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { getGptForEditor } from "@/lib/gpts/queries";
import { restoreGptVersion } from "@/lib/gpts/restore-gpt-version";
import { AVATAR_KEY_PATTERN } from "@/lib/gpts/schemas";
import { updateGptDraft } from "@/lib/gpts/update-gpt-draft";
import { deleteObject, getObject } from "@/lib/storage/storage";
import { expectAppError } from "../../support/app-error";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));
// Uploaded files go to a throwaway folder, not the developer's .data/.
vi.mock("@/lib/env", async (importOriginal) => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, storageDir: mkdtempSync(path.join(tmpdir(), "atelier-avatars-")) };
});

let owner: Actor;
let other: Actor;

beforeAll(async () => {
  expect(storageDir).toContain("atelier-avatars-");
  owner = await createActor({ name: "Avatar Owner" });
  other = await createActor({ name: "Someone Else" });
});

afterAll(async () => {
  // Only ever the throwaway folder made above.
  if (storageDir.includes("atelier-avatars-"))
    await rm(storageDir, { recursive: true, force: true });
});

const canvas = (width: number, height: number, background = "#ff0000") =>
  sharp({ create: { width, height, channels: 3, background } });

async function animatedGif(): Promise<Buffer> {
  const red = await canvas(64, 48, "#ff0000").png().toBuffer();
  const blue = await canvas(64, 48, "#0000ff").png().toBuffer();
  return sharp([red, blue], { join: { animated: true } })
    .gif({ delay: [100, 100] })
    .toBuffer();
}

async function storedImage(key: string) {
  const bytes = await getObject(key);
  expect(bytes, `stored file for ${key}`).not.toBeNull();
  return { bytes: bytes!, metadata: await sharp(bytes!).metadata() };
}

function uploadRequest(file: File | string | null) {
  const form = new FormData();
  if (file !== null) form.append("file", file);
  return appRequest("/api/gpts/avatars", { method: "POST", form });
}

function serve(key: string) {
  const [, owner, file] = key.split("/");
  return getAvatarRoute(appRequest(`/api/files/${key}`), segment({ owner, file }));
}

describe("[BUILDER]: avatar pictures are checked by content and stored as WebP", () => {
  it.each([
    ["PNG", () => canvas(800, 600).png().toBuffer()],
    ["JPEG", () => canvas(300, 1000).jpeg().toBuffer()],
    ["WebP", () => canvas(1024, 1024).webp().toBuffer()],
    ["GIF", () => canvas(40, 40).gif().toBuffer()],
  ])("stores a %s as a 512×512 WebP under the owner's avatar folder", async (_format, make) => {
    const { key } = await storeAvatarImage({ ownerId: owner.id, bytes: await make() });
    expect(key).toMatch(AVATAR_KEY_PATTERN);
    expect(key.startsWith(`avatars/${owner.id}/`)).toBe(true);
    const { metadata } = await storedImage(key);
    expect(metadata).toMatchObject({ format: "webp", width: 512, height: 512 });
  });

  it("keeps the first frame of an animated GIF", async () => {
    const { key } = await storeAvatarImage({ ownerId: owner.id, bytes: await animatedGif() });
    const { bytes, metadata } = await storedImage(key);
    expect(metadata.pages ?? 1).toBe(1);
    const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    // The first frame is red, the second blue.
    expect(data[0]).toBeGreaterThan(200);
    expect(data[2]).toBeLessThan(50);
  });

  it("gives every upload its own unguessable key", async () => {
    const bytes = await canvas(20, 20).png().toBuffer();
    const first = await storeAvatarImage({ ownerId: owner.id, bytes });
    const second = await storeAvatarImage({ ownerId: owner.id, bytes });
    expect(first.key).not.toBe(second.key);
  });

  it("refuses text disguised as a .png, whatever its name and declared type say", async () => {
    setSessionActor(owner);
    const disguised = new File(["just some text, not a picture"], "photo.png", {
      type: "image/png",
    });
    const response = await uploadRoute(uploadRequest(disguised), segment({}));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(
      "This file is not a PNG, JPEG, WebP or GIF image (its content was checked, not its name).",
    );
  });

  it("refuses an SVG and a truncated PNG with messages that say why", async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    const svgError = await expectAppError(
      storeAvatarImage({ ownerId: owner.id, bytes: svg }),
      "bad_request",
    );
    expect(svgError.message).toMatch(/^This file is not a PNG, JPEG, WebP or GIF image/);

    const png = await canvas(400, 400).png().toBuffer();
    const truncated = await expectAppError(
      storeAvatarImage({ ownerId: owner.id, bytes: png.subarray(0, 60) }),
      "bad_request",
    );
    expect(truncated.message).toBe(
      "This picture is damaged or incomplete and cannot be read. Try another file.",
    );
  });

  it("refuses a picture over 2 MB", async () => {
    // A real PNG, padded past the limit (decoders ignore bytes after IEND).
    const png = await canvas(10, 10).png().toBuffer();
    const oversized = new Uint8Array(MAX_AVATAR_BYTES + 1);
    oversized.set(png);
    const error = await expectAppError(
      storeAvatarImage({ ownerId: owner.id, bytes: oversized }),
      "bad_request",
    );
    expect(error.message).toBe("The picture is 2.1 MB; the limit is 2 MB.");

    setSessionActor(owner);
    const response = await uploadRoute(
      uploadRequest(new File([oversized], "big.png", { type: "image/png" })),
      segment({}),
    );
    expect(response.status).toBe(400);
  });

  it("upload route: 401 signed out, 400 without a file, 201 { key, url } for a picture", async () => {
    setSessionActor(null);
    const png = await canvas(100, 100).png().toBuffer();
    const signedOut = await uploadRoute(
      uploadRequest(new File([png], "a.png", { type: "image/png" })),
      segment({}),
    );
    expect(signedOut.status).toBe(401);

    setSessionActor(owner);
    const missing = await uploadRoute(uploadRequest(null), segment({}));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fieldErrors).toEqual({
      file: ["Choose a picture to upload."],
    });

    const created = await uploadRoute(
      uploadRequest(new File([png], "a.png", { type: "image/png" })),
      segment({}),
    );
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.key).toMatch(new RegExp(`^avatars/${owner.id}/`));
    expect(body.url).toBe(`/api/files/${body.key}`);
  });

  it("serves a stored avatar as an immutable, nosniff WebP, and 404 when there is none", async () => {
    const { key } = await storeAvatarImage({
      ownerId: owner.id,
      bytes: await canvas(64, 64).png().toBuffer(),
    });
    const response = await serve(key);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const served = Buffer.from(await response.arrayBuffer());
    expect((await sharp(served).metadata()).format).toBe("webp");

    await deleteObject(key);
    expect((await serve(key)).status).toBe(404);
    const traversal = await getAvatarRoute(
      appRequest("/x"),
      segment({ owner: "..", file: "..%2Fenv.webp" }),
    );
    expect(traversal.status).toBe(404);
  });
});

describe("[BUILDER]: a draft may only name its owner's uploaded pictures", () => {
  it("saves the owner's own upload and shows it in the editor payload", async () => {
    const { key } = await storeAvatarImage({
      ownerId: owner.id,
      bytes: await canvas(64, 64).png().toBuffer(),
    });
    const gpt = await createGpt({ actor: owner, input: { name: "Pictured", avatarKey: key } });
    const editor = await getGptForEditor({ actor: owner, gptId: gpt.id });
    expect(editor?.avatarKey).toBe(key);
  });

  it("refuses someone else's avatar key on create and on save, with a field error", async () => {
    const { key: othersKey } = await storeAvatarImage({
      ownerId: other.id,
      bytes: await canvas(64, 64).png().toBuffer(),
    });
    const onCreate = await expectAppError(
      createGpt({ actor: owner, input: { name: "Borrower", avatarKey: othersKey } }),
      "bad_request",
    );
    expect(onCreate.fieldErrors).toEqual({ avatarKey: ["Upload the picture again."] });

    const gpt = await createGpt({ actor: owner, input: { name: "Borrower" } });
    const onSave = await expectAppError(
      updateGptDraft({
        actor: owner,
        gptId: gpt.id,
        input: { name: "Borrower", avatarKey: othersKey, revision: gpt.revision },
      }),
      "bad_request",
    );
    expect(onSave.fieldErrors).toEqual({ avatarKey: ["Upload the picture again."] });
    expect((await getGptForEditor({ actor: owner, gptId: gpt.id }))?.avatarKey).toBeNull();
  });

  it("refuses a well-formed key of the owner's that was never uploaded", async () => {
    const error = await expectAppError(
      createGpt({
        actor: owner,
        input: { name: "Ghost", avatarKey: `avatars/${owner.id}/NeverUploadedXXXXXXXXXXX.webp` },
      }),
      "bad_request",
    );
    expect(error.fieldErrors).toEqual({ avatarKey: ["Upload the picture again."] });
  });

  it("keeps saving other fields while the saved picture stays the same", async () => {
    const { key } = await storeAvatarImage({
      ownerId: owner.id,
      bytes: await canvas(64, 64).png().toBuffer(),
    });
    const gpt = await createGpt({ actor: owner, input: { name: "Steady", avatarKey: key } });
    const saved = await updateGptDraft({
      actor: owner,
      gptId: gpt.id,
      input: { name: "Steady renamed", avatarKey: key, revision: gpt.revision },
    });
    expect(saved.revision).toBe(gpt.revision + 1);
  });
});

describe("[BUILDER]: a replaced picture's file is deleted once nothing uses it", () => {
  async function upload() {
    const { key } = await storeAvatarImage({
      ownerId: owner.id,
      bytes: await canvas(64, 64).png().toBuffer(),
    });
    return key;
  }

  it("deletes the draft's old picture on replace and on removal", async () => {
    const first = await upload();
    const second = await upload();
    const gpt = await createGpt({ actor: owner, input: { name: "Repainted", avatarKey: first } });
    const replaced = await updateGptDraft({
      actor: owner,
      gptId: gpt.id,
      input: { name: "Repainted", avatarKey: second, revision: gpt.revision },
    });
    expect(await getObject(first)).toBeNull();
    expect(await getObject(second)).not.toBeNull();

    await updateGptDraft({
      actor: owner,
      gptId: gpt.id,
      input: { name: "Repainted", avatarKey: null, revision: replaced.revision },
    });
    expect(await getObject(second)).toBeNull();
  });

  it("keeps a picture a published version still shows, so restoring that version brings it back", async () => {
    const published = await upload();
    const later = await upload();
    const gpt = await createGpt({
      actor: owner,
      input: { name: "Versioned", avatarKey: published },
    });
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    const saved = await updateGptDraft({
      actor: owner,
      gptId: gpt.id,
      input: { name: "Versioned", avatarKey: later, revision: gpt.revision },
    });
    expect(await getObject(published)).not.toBeNull();

    // Restoring v1 puts its picture back and lets go of the draft-only one.
    const restored = await restoreGptVersion({
      actor: owner,
      gptId: gpt.id,
      number: 1,
      input: { revision: saved.revision },
    });
    expect(restored.values.avatarKey).toBe(published);
    expect(await getObject(published)).not.toBeNull();
    expect(await getObject(later)).toBeNull();
  });

  it("keeps a picture another GPT's draft uses", async () => {
    const shared = await upload();
    const replacement = await upload();
    const first = await createGpt({ actor: owner, input: { name: "One", avatarKey: shared } });
    await createGpt({ actor: owner, input: { name: "Two", avatarKey: shared } });
    await updateGptDraft({
      actor: owner,
      gptId: first.id,
      input: { name: "One", avatarKey: replacement, revision: first.revision },
    });
    expect(await getObject(shared)).not.toBeNull();
  });
});
