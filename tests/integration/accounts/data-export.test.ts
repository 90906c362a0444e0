import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/me/data-export/route";
import { prisma } from "@/lib/db";
import {
  reviewAndReport,
  type SeededUser,
  seedUserWithData,
  unzipText,
} from "../../support/account-data";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let user: SeededUser;
let other: SeededUser;

beforeAll(async () => {
  user = await seedUserWithData({ label: "exporter" });
  other = await seedUserWithData({ label: "stranger" });
  // The user reviewed and reported the other user's GPT; the other user reviewed the user's.
  await reviewAndReport(user, other.gptId);
  await reviewAndReport(other, user.gptId);
});

async function download(actor: SeededUser | null) {
  setSessionActor(actor);
  return exportRoute(appRequest("/api/me/data-export"), segment({}));
}

describe("[ACCOUNTS]: Download my data", () => {
  it("refuses a signed-out request (401)", async () => {
    const response = await download(null);
    expect(response.status).toBe(401);
  });

  it("sends a dated zip of JSON files with the user's profile, conversations, GPTs, reviews, reports and usage, and audit-logs it", async () => {
    const response = await download(user);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="atelier-data-${today}.zip"`,
    );
    const files = unzipText(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      "README.txt",
      "conversations.json",
      "gpts.json",
      "profile.json",
      "reports.json",
      "reviews.json",
      "usage.json",
    ]);

    const profile = JSON.parse(files["profile.json"]);
    expect(profile.account).toMatchObject({
      id: user.id,
      email: user.email,
      name: `Name ${user.marker}`,
      signInMethods: { password: true, providers: [{ provider: "github" }] },
    });
    expect(profile.builderProfile).toMatchObject({ displayName: `Creator ${user.marker}` });
    expect(profile.settings.pinnedGpts).toEqual([
      expect.objectContaining({ name: `GPT ${user.marker}` }),
    ]);
    expect(profile.notifications).toEqual([
      expect.objectContaining({ title: `Notice ${user.marker}` }),
    ]);

    const conversations = JSON.parse(files["conversations.json"]);
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({
      title: `Chat ${user.marker}`,
      gptName: `GPT ${user.marker}`,
      kind: "chat",
    });
    expect(conversations[0].messages).toEqual([
      expect.objectContaining({
        role: "user",
        text: `Question ${user.marker}`,
        status: "COMPLETE",
      }),
      expect.objectContaining({
        role: "assistant",
        text: `Answer ${user.marker}`,
        gptName: `GPT ${user.marker}`,
        feedback: expect.objectContaining({ rating: "UP", comment: `Feedback ${user.marker}` }),
      }),
    ]);
    expect(typeof conversations[0].messages[0].createdAt).toBe("string");

    const gpts = JSON.parse(files["gpts.json"]);
    expect(gpts).toHaveLength(1);
    expect(gpts[0].draft.config).toMatchObject({
      name: `GPT ${user.marker}`,
      instructions: `Instructions ${user.marker}`,
    });
    expect(gpts[0].draft.actions).toEqual([
      expect.objectContaining({ name: `Action ${user.marker}`, authKind: "oauth" }),
    ]);
    expect(gpts[0].publishedVersions).toEqual([
      expect.objectContaining({
        number: 1,
        isLive: true,
        config: expect.objectContaining({ instructions: `Instructions ${user.marker}` }),
        actions: [expect.objectContaining({ name: `Action ${user.marker}` })],
      }),
    ]);
    expect(gpts[0].knowledgeFiles).toEqual([
      expect.objectContaining({ name: "notes.md", status: "READY", inDraft: true }),
    ]);

    expect(JSON.parse(files["reviews.json"])).toEqual([
      expect.objectContaining({ gptName: `GPT ${other.marker}`, body: `Review ${user.marker}` }),
    ]);
    expect(JSON.parse(files["reports.json"])).toEqual([
      expect.objectContaining({ gptName: `GPT ${other.marker}`, details: `Report ${user.marker}` }),
    ]);
    const usage = JSON.parse(files["usage.json"]);
    expect(usage.totals).toMatchObject({
      answers: 1,
      inputTokens: 120,
      outputTokens: 30,
      modelCostMicroDollars: 900,
    });

    const audit = await prisma.auditLog.findMany({
      where: { action: "account.data-export", actorId: user.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetType: "User", targetId: user.id });
  });

  it("holds nothing of another user's (beyond the names of GPTs talked to) and no secret", async () => {
    const response = await download(user);
    const everything = Object.values(unzipText(new Uint8Array(await response.arrayBuffer()))).join(
      "\n",
    );
    // Other people's data: the other user's account, chats, instructions, review of this GPT.
    for (const foreign of [
      other.email,
      other.id,
      `Name ${other.marker}`,
      `Question ${other.marker}`,
      `Answer ${other.marker}`,
      `Instructions ${other.marker}`,
      `Review ${other.marker}`,
      `Report ${other.marker}`,
      `Feedback ${other.marker}`,
    ]) {
      expect(everything, foreign).not.toContain(foreign);
    }
    // Secrets: the password hash, action credentials and OAuth client, tokens, sessions, blobs.
    const session = await prisma.userSession.findFirstOrThrow({ where: { userId: user.id } });
    for (const secret of [
      user.passwordHash!,
      user.actionSecret,
      `client-id-${user.marker}`,
      `access-token-${user.marker}`,
      `share-token-${user.marker}`,
      `hash-${user.marker}`,
      session.id,
      user.knowledgeBlobKey,
      "passwordHash",
      "secretCiphertext",
    ]) {
      expect(everything, secret).not.toContain(secret);
    }
  });
});
