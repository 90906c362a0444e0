import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET, PUT } from "@/app/api/admin/moderation-settings/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createActor } from "../../support/factories";
import { createDraftGpt, publishAs } from "../../support/moderation";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let admin: Actor;

beforeEach(async () => {
  admin = await createActor({ role: "ADMIN" });
  setSessionActor(admin);
});

const get = () => GET(appRequest("/api/admin/moderation-settings"), segment({}));
const put = (body: unknown) =>
  PUT(appRequest("/api/admin/moderation-settings", { method: "PUT", body }), segment({}));

describe("[MODERATION SETTINGS]: Admin → Settings → Store moderation", () => {
  it("GET returns the defaults: flagged listings only, no blocked terms, the well-known protected names", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      listingReviewPolicy: "FLAGGED_ONLY",
      blockedTerms: [],
      protectedNames: [
        "Atelier",
        "OpenAI",
        "ChatGPT",
        "Anthropic",
        "Claude",
        "Google",
        "Gemini",
        "Microsoft",
        "Copilot",
      ],
    });
  });

  it("PUT trims, drops blank lines and duplicates (ignoring case), audits, and the next publish uses the lists", async () => {
    const response = await put({
      listingReviewPolicy: "FLAGGED_ONLY",
      blockedTerms: ["  jackpot ", "", "Jackpot", "free money"],
      protectedNames: ["Acme", "acme ", "  "],
    });
    expect(response.status).toBe(200);
    const saved = {
      listingReviewPolicy: "FLAGGED_ONLY",
      blockedTerms: ["jackpot", "free money"],
      protectedNames: ["Acme"],
    };
    expect(await response.json()).toEqual(saved);
    expect(await (await get()).json()).toEqual(saved);
    const audit = await prisma.auditLog.findFirst({
      where: { action: "settings.moderation", actorId: admin.id },
    });
    expect(audit?.data).toMatchObject({ after: saved });

    const owner = await createActor();
    const gpt = await createDraftGpt(owner, { name: "Acme Jackpot" });
    expect((await publishAs(owner, gpt.id)).listing?.findings).toEqual([
      "The name uses “jackpot”, a blocked term.",
      "The name uses “Acme”, a protected name: only its owner may publish under it.",
    ]);
    // "OpenAI" is no longer protected here.
    const other = await createDraftGpt(owner, { name: "OpenAI notes" });
    expect((await publishAs(owner, other.id)).listing?.status).toBe("LISTED");

    expect((await put({ ...saved, listingReviewPolicy: "ALL_PUBLIC" })).status).toBe(200);
    const third = await createDraftGpt(owner);
    expect((await publishAs(owner, third.id)).listing?.status).toBe("IN_REVIEW");
  });

  it("PUT refuses an unknown policy and overlong terms with field messages", async () => {
    const bad = await put({
      listingReviewPolicy: "SOMETIMES",
      blockedTerms: [],
      protectedNames: [],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.listingReviewPolicy).toEqual([
      "Choose a review policy.",
    ]);
    const long = await put({
      listingReviewPolicy: "ALL_PUBLIC",
      blockedTerms: ["x".repeat(101)],
      protectedNames: [],
    });
    expect(long.status).toBe(400);
    expect((await long.json()).error.fieldErrors["blockedTerms.0"]).toEqual([
      "Keep each blocked term under 100 characters.",
    ]);
  });

  it("only admins: moderators and users get 403, visitors 401", async () => {
    const body = { listingReviewPolicy: "ALL_PUBLIC", blockedTerms: [], protectedNames: [] };
    for (const [actor, status] of [
      [null, 401],
      [await createActor(), 403],
      [await createActor({ role: "MODERATOR" }), 403],
    ] as const) {
      setSessionActor(actor);
      expect((await get()).status).toBe(status);
      expect((await put(body)).status).toBe(status);
    }
  });
});
