import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as confirmCheckout } from "@/app/api/billing/checkout/confirm/route";
import { DELETE as deleteAccountRoute } from "@/app/api/me/account/route";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { generateApiKey } from "@/lib/api-keys/key-format";
import type { Actor } from "@/lib/auth/session";
import { signUp } from "@/lib/auth/sign-up";
import { liveSessionUser } from "@/lib/auth/user-sessions";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { startPlanCheckout } from "@/lib/billing/checkout";
import { planInputSchema } from "@/lib/billing/plan-schemas";
import { savePlan } from "@/lib/billing/plans";
import { prisma } from "@/lib/db";
import { creatorAccount } from "@/lib/ledger/accounts";
import { objectExists } from "@/lib/storage/storage";
import {
  ACCOUNT_PASSWORD,
  creditCreatorEarnings,
  reviewAndReport,
  type SeededUser,
  seedUserWithData,
} from "../../support/account-data";
import { type BillingHarness, startBillingHarness } from "../../support/billing";
import { createActor } from "../../support/factories";
import { expectLedgerBalanced } from "../../support/ledger";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let billing: BillingHarness;
let planId: string;

beforeAll(async () => {
  billing = await startBillingHarness();
  const admin = await createActor({ role: "ADMIN" });
  const plus = planInputSchema.parse({
    name: "Plus",
    monthlyPrice: "9",
    dailyMessages: "50",
    monthlyMessages: "0",
    knowledgeMaxMb: "2048",
    maxPublicGpts: "20",
  });
  planId = (await savePlan({ actor: admin, input: plus })).id;
});

afterAll(async () => {
  await billing?.close();
});

let ipCounter = 0;
function freshIp(): string {
  ipCounter += 1;
  return `203.0.113.${ipCounter}`;
}

async function requestDeletion(actor: Actor | null, body: unknown) {
  setSessionActor(actor);
  return deleteAccountRoute(appRequest("/api/me/account", { method: "DELETE", body }), segment({}));
}

/** A live Plus subscription bought through the fake Stripe's Checkout. */
async function subscribe(user: Actor): Promise<string> {
  const { url } = await startPlanCheckout({ actor: user, planId, interval: "month" });
  const paid = await fetch(`${url}/pay`, { method: "POST", redirect: "manual" });
  expect(paid.status).toBe(303);
  const sessionId = new URL(paid.headers.get("location") ?? "").searchParams.get("session");
  setSessionActor(user);
  await confirmCheckout(
    appRequest("/api/billing/checkout/confirm", { method: "POST", body: { sessionId } }),
    segment({}),
  );
  const subscription = await prisma.subscription.findFirstOrThrow({
    where: { userId: user.id, status: "ACTIVE" },
  });
  return subscription.id;
}

/** Everything the deletion must remove or keep, counted for one user. */
async function footprint(user: SeededUser) {
  const [
    row,
    conversations,
    messages,
    files,
    sessions,
    accounts,
    tokens,
    notifications,
    pins,
    connections,
    shares,
    reviews,
    feedback,
    profile,
    liveGpts,
    usage,
    ledger,
  ] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: user.id } }),
    prisma.conversation.count({ where: { userId: user.id } }),
    prisma.message.count({ where: { conversation: { userId: user.id } } }),
    prisma.knowledgeFile.count({ where: { ownerId: user.id } }),
    prisma.userSession.count({ where: { userId: user.id } }),
    prisma.account.count({ where: { userId: user.id } }),
    prisma.emailToken.count({ where: { userId: user.id } }),
    prisma.notification.count({ where: { userId: user.id } }),
    prisma.pinnedGpt.count({ where: { userId: user.id } }),
    prisma.actionConnection.count({ where: { userId: user.id } }),
    prisma.conversationShare.count({ where: { userId: user.id } }),
    prisma.review.count({ where: { userId: user.id } }),
    prisma.messageFeedback.count({ where: { userId: user.id } }),
    prisma.builderProfile.count({ where: { userId: user.id } }),
    prisma.gpt.count({ where: { ownerId: user.id, deletedAt: null } }),
    prisma.usageEvent.count({ where: { userId: user.id } }),
    prisma.ledgerEntry.count({ where: { accountId: creatorAccount(user.id).id } }),
  ]);
  return {
    row,
    counts: {
      conversations,
      messages,
      files,
      sessions,
      accounts,
      tokens,
      notifications,
      pins,
      connections,
      shares,
      reviews,
      feedback,
      profile,
      liveGpts,
      usage,
    },
    ledger,
  };
}

describe("[ACCOUNTS]: deleting one's account", () => {
  it("refuses a signed-out request (401)", async () => {
    const response = await requestDeletion(null, { password: ACCOUNT_PASSWORD });
    expect(response.status).toBe(401);
  });

  it("refuses a wrong password with a field error and changes nothing", async () => {
    const user = await seedUserWithData({ label: "careful" });
    const before = await footprint(user);
    const response = await requestDeletion(user, { password: "not my password at all" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.fieldErrors.password).toEqual(["That is not your current password."]);
    const missing = await requestDeletion(user, {});
    expect(missing.status).toBe(400);
    expect(await footprint(user)).toEqual(before);
    expect(await objectExists(user.knowledgeBlobKey)).toBe(true);
    expect(await liveSessionUser({ userId: user.id, sessionId: user.sessionId })).not.toBeNull();
  });

  it("an account without a password confirms with its email; another address is refused", async () => {
    const user = await seedUserWithData({ label: "oauth", withPassword: false });
    const wrong = await requestDeletion(user, { confirmEmail: "someone@example.com" });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.fieldErrors.confirmEmail).toHaveLength(1);
    expect((await footprint(user)).row.deletedAt).toBeNull();
    const right = await requestDeletion(user, { confirmEmail: user.email.toUpperCase() });
    expect(right.status).toBe(200);
    expect((await footprint(user)).row.deletedAt).not.toBeNull();
    // The provider identity is gone: signing in with GitHub again would make a new account.
    expect(await prisma.account.count({ where: { providerAccountId: `gh-${user.marker}` } })).toBe(
      0,
    );
  });

  it("removes personal data, conversations, files and sessions; keeps usage and ledger rows on an anonymous row; the cookie dies", async () => {
    const user = await seedUserWithData({ label: "leaver" });
    const other = await seedUserWithData({ label: "neighbour" });
    await reviewAndReport(user, other.gptId);
    await creditCreatorEarnings(user.id, 2_500_000n);
    const ledgerBefore = (await footprint(user)).ledger;

    const response = await requestDeletion(user, { password: ACCOUNT_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join("\n")).toContain("next-auth.session-token=;");

    const after = await footprint(user);
    expect(after.row).toMatchObject({
      email: `deleted-${user.id}@deleted.invalid`,
      name: null,
      image: null,
      passwordHash: null,
      emailVerifiedAt: null,
      emailNotifications: false,
      role: "USER",
    });
    expect(after.row.deletedAt).toBeInstanceOf(Date);
    expect(after.counts).toEqual({
      conversations: 0,
      messages: 0,
      files: 0,
      sessions: 0,
      accounts: 0,
      tokens: 0,
      notifications: 0,
      pins: 0,
      connections: 0,
      shares: 0,
      reviews: 0,
      feedback: 0,
      profile: 0,
      liveGpts: 0,
      // Kept, pointing at the anonymous row.
      usage: 1,
    });
    // The GPT is soft-deleted (out of the store), its stored knowledge file is gone.
    expect(
      await prisma.gpt.findUniqueOrThrow({
        where: { id: user.gptId },
        select: { deletedAt: true },
      }),
    ).toMatchObject({ deletedAt: expect.any(Date) });
    expect(await objectExists(user.knowledgeBlobKey)).toBe(false);
    // The review no longer counts in the other GPT's rating.
    expect(
      await prisma.gpt.findUniqueOrThrow({
        where: { id: other.gptId },
        select: { ratingCount: true, ratingSum: true },
      }),
    ).toEqual({ ratingCount: 0, ratingSum: 0 });
    // Ledger rows stay; the unpaid earnings are forfeited by one more balanced booking.
    expect(after.ledger).toBe(ledgerBefore + 1);
    const creatorSum = await prisma.ledgerEntry.aggregate({
      where: { accountId: creatorAccount(user.id).id },
      _sum: { amountMicros: true },
    });
    expect(creatorSum._sum.amountMicros).toBe(0n);
    await expectLedgerBalanced();
    // The browser's session is dead on the server.
    expect(await liveSessionUser({ userId: user.id, sessionId: user.sessionId })).toBeNull();
    // One audit row, with no personal data in it.
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "account.delete", targetId: user.id },
    });
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain(user.email);
    expect(auditText).not.toContain(user.marker);
    // The other user is untouched.
    expect((await footprint(other)).counts).toMatchObject({ conversations: 1, files: 1 });
  });

  it("API keys, API action permissions and website widgets die with the account", async () => {
    const user = await seedUserWithData({ label: "developer" });
    const { key, prefix, hash } = generateApiKey();
    await prisma.apiKey.create({
      data: { userId: user.id, name: "ci", prefix, hash, scopes: ["chat"] },
    });
    await prisma.apiActionPermission.create({ data: { userId: user.id, gptId: user.gptId } });
    await prisma.gptEmbed.create({
      data: { gptId: user.gptId, isEnabled: true, allowedOrigins: ["https://example.com"] },
    });
    const response = await requestDeletion(user, { password: ACCOUNT_PASSWORD });
    expect(response.status).toBe(200);
    expect(await prisma.apiKey.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.apiActionPermission.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.gptEmbed.count({ where: { gptId: user.gptId } })).toBe(0);
    const request = new Request("http://localhost/api/v1/models", {
      headers: { authorization: `Bearer ${key}` },
    });
    await expect(authenticateApiKey(request, { scope: "chat" })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("signing in with the old email fails, and the same email can sign up again", async () => {
    const user = await seedUserWithData({ label: "returning" });
    expect((await requestDeletion(user, { password: ACCOUNT_PASSWORD })).status).toBe(200);
    await expect(
      verifyCredentials({
        input: { email: user.email, password: ACCOUNT_PASSWORD },
        ip: freshIp(),
      }),
    ).rejects.toMatchObject({ code: "unauthorized" });
    const created = await signUp({
      input: { name: "Back again", email: user.email, password: "another long passphrase" },
      ip: freshIp(),
    });
    expect(created.id).not.toBe(user.id);
    expect(created.email).toBe(user.email);
  });

  it("the last administrator cannot delete their account; once another admin exists, they can", async () => {
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { role: "USER" } });
    const admin = await seedUserWithData({ label: "admin", role: "ADMIN" });
    const refused = await requestDeletion(admin, { password: ACCOUNT_PASSWORD });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/only administrator/);
    expect((await footprint(admin)).row).toMatchObject({ deletedAt: null, role: "ADMIN" });
    await createActor({ role: "ADMIN" });
    expect((await requestDeletion(admin, { password: ACCOUNT_PASSWORD })).status).toBe(200);
  });

  it("cancels an active paid subscription at Stripe first; the subscription row stays, cancelled", async () => {
    const user = await seedUserWithData({ label: "subscriber" });
    const subscriptionId = await subscribe(user);
    expect((await requestDeletion(user, { password: ACCOUNT_PASSWORD })).status).toBe(200);
    const atStripe = await billing.stripe.subscriptions.retrieve(subscriptionId);
    expect(atStripe.status).toBe("canceled");
    expect(
      await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } }),
    ).toMatchObject({ userId: user.id, status: "CANCELED" });
    // Stripe's webhook about the cancellation still lands on the anonymous row.
    await expect
      .poll(() => prisma.stripeEvent.count({ where: { type: "customer.subscription.deleted" } }))
      .toBe(1);
    expect(
      await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } }),
    ).toMatchObject({ userId: user.id, status: "CANCELED" });
  });
});
