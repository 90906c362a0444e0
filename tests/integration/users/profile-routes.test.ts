import { rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as getAvatarFile } from "@/app/api/files/avatars/[owner]/[file]/route";
import * as builderProfileRoute from "@/app/api/me/builder-profile/route";
import * as avatarRoute from "@/app/api/me/profile/avatar/route";
import * as domainRoute from "@/app/api/me/profile/domain/route";
import * as verifyRoute from "@/app/api/me/profile/domain/verify/route";
import * as profileRoute from "@/app/api/me/profile/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { storageDir } from "@/lib/env";
import { getObject } from "@/lib/storage/storage";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));
// Uploaded pictures go to a throwaway folder, not the developer's .data/.
vi.mock("@/lib/env", async (importOriginal) => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, storageDir: mkdtempSync(path.join(tmpdir(), "atelier-profile-")) };
});

afterAll(async () => {
  if (storageDir.includes("atelier-profile-")) {
    await rm(storageDir, { recursive: true, force: true });
  }
});

function upload(bytes: Uint8Array) {
  const form = new FormData();
  form.append("file", new File([bytes as BlobPart], "me.png", { type: "image/png" }));
  return appRequest("/api/me/profile/avatar", { method: "POST", form });
}

let sequence = 0;
const handleFor = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++sequence}`;

async function saveAs(actor: Actor, fields: Record<string, unknown>) {
  setSessionActor(actor);
  return profileRoute.PUT(
    appRequest("/api/me/profile", { method: "PUT", body: fields }),
    segment({}),
  );
}

describe("[PROFILE]: profile routes authorization", () => {
  it("every /api/me profile route answers 401 when signed out", async () => {
    setSessionActor(null);
    const calls: [string, Promise<Response>][] = [
      ["GET profile", profileRoute.GET(appRequest("/api/me/profile"), segment({}))],
      [
        "PUT profile",
        profileRoute.PUT(
          appRequest("/api/me/profile", {
            method: "PUT",
            body: { handle: "abc", displayName: "A" },
          }),
          segment({}),
        ),
      ],
      ["POST avatar", avatarRoute.POST(upload(new Uint8Array([1])), segment({}))],
      [
        "DELETE avatar",
        avatarRoute.DELETE(appRequest("/api/me/profile/avatar", { method: "DELETE" }), segment({})),
      ],
      [
        "POST domain",
        domainRoute.POST(
          appRequest("/api/me/profile/domain", { method: "POST", body: { domain: "example.com" } }),
          segment({}),
        ),
      ],
      [
        "DELETE domain",
        domainRoute.DELETE(appRequest("/api/me/profile/domain", { method: "DELETE" }), segment({})),
      ],
      [
        "POST verify",
        verifyRoute.POST(
          appRequest("/api/me/profile/domain/verify", { method: "POST" }),
          segment({}),
        ),
      ],
      [
        "GET builder-profile",
        builderProfileRoute.GET(appRequest("/api/me/builder-profile"), segment({})),
      ],
      [
        "PUT builder-profile",
        builderProfileRoute.PUT(
          appRequest("/api/me/builder-profile", { method: "PUT", body: { displayName: "A" } }),
          segment({}),
        ),
      ],
    ];
    for (const [name, call] of calls) expect((await call).status, name).toBe(401);
  });

  it("a user's requests only ever read and change their own profile", async () => {
    const alice = await createActor({ name: "Alice" });
    const bob = await createActor({ name: "Bob" });
    const aliceHandle = handleFor("alice");
    expect((await saveAs(alice, { handle: aliceHandle, displayName: "Alice" })).status).toBe(200);
    setSessionActor(alice);
    await domainRoute.POST(
      appRequest("/api/me/profile/domain", { method: "POST", body: { domain: "alice.example" } }),
      segment({}),
    );

    // Bob cannot take Alice's handle, and his saves and removals never touch her row.
    const taken = await saveAs(bob, { handle: aliceHandle, displayName: "Bob" });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.message).toMatch(/That handle is taken/);
    expect((await saveAs(bob, { handle: handleFor("bob"), displayName: "Bob" })).status).toBe(200);
    setSessionActor(bob);
    const bobView = await (
      await profileRoute.GET(appRequest("/api/me/profile"), segment({}))
    ).json();
    expect(bobView).toMatchObject({ displayName: "Bob", domain: { pendingDomain: null } });
    expect(
      (
        await domainRoute.DELETE(
          appRequest("/api/me/profile/domain", { method: "DELETE" }),
          segment({}),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await avatarRoute.DELETE(
          appRequest("/api/me/profile/avatar", { method: "DELETE" }),
          segment({}),
        )
      ).status,
    ).toBe(200);

    const aliceRow = await prisma.builderProfile.findUniqueOrThrow({ where: { userId: alice.id } });
    expect(aliceRow).toMatchObject({
      handle: aliceHandle,
      displayName: "Alice",
      pendingDomain: "alice.example",
    });
  });

  it("bad input gets field errors; verify without a domain entered is a 400", async () => {
    const carol = await createActor();
    const badHandle = await saveAs(carol, { handle: "Admin", displayName: "" });
    expect(badHandle.status).toBe(400);
    const { error } = await badHandle.json();
    expect(error.fieldErrors.handle[0]).toMatch(/reserved/);
    expect(error.fieldErrors.displayName[0]).toMatch(/Enter the name/);

    await saveAs(carol, { handle: handleFor("carol"), displayName: "Carol" });
    const badDomain = await domainRoute.POST(
      appRequest("/api/me/profile/domain", { method: "POST", body: { domain: "localhost" } }),
      segment({}),
    );
    expect(badDomain.status).toBe(400);
    expect((await badDomain.json()).error.fieldErrors.domain[0]).toMatch(/localhost/);
    const verify = await verifyRoute.POST(
      appRequest("/api/me/profile/domain/verify", { method: "POST" }),
      segment({}),
    );
    expect(verify.status).toBe(400);
    expect((await verify.json()).error.message).toBe("Enter the domain to verify first.");
  });

  it("uploads a profile picture as WebP, serves it like GPT avatars, and removes it", async () => {
    const dana = await createActor();
    setSessionActor(dana);
    const png = await sharp({
      create: { width: 300, height: 200, channels: 3, background: "#3366ff" },
    })
      .png()
      .toBuffer();
    const beforeProfile = await avatarRoute.POST(upload(new Uint8Array(png)), segment({}));
    expect(beforeProfile.status).toBe(400);
    expect((await beforeProfile.json()).error.message).toMatch(/Save your profile first/);

    await saveAs(dana, { handle: handleFor("dana"), displayName: "Dana" });
    const uploaded = await avatarRoute.POST(upload(new Uint8Array(png)), segment({}));
    expect(uploaded.status).toBe(200);
    const { avatarUrl } = await uploaded.json();
    expect(avatarUrl).toMatch(/^\/api\/files\/avatars\/[a-z0-9]+\/[A-Za-z0-9_-]+\.webp$/);
    const [, , , , owner, file] = avatarUrl.split("/");
    const served = await getAvatarFile(appRequest(avatarUrl), segment({ owner, file }));
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(512);

    const notAPicture = await avatarRoute.POST(upload(new TextEncoder().encode("hi")), segment({}));
    expect(notAPicture.status).toBe(400);

    expect(
      (
        await avatarRoute.DELETE(
          appRequest("/api/me/profile/avatar", { method: "DELETE" }),
          segment({}),
        )
      ).status,
    ).toBe(200);
    const row = await prisma.builderProfile.findUniqueOrThrow({ where: { userId: dana.id } });
    expect(row.avatarKey).toBeNull();
    expect(await getObject(avatarUrl.replace("/api/files/", ""))).toBeNull();
  });
});
