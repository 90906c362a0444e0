import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as signUpRoute } from "@/app/api/auth/sign-up/route";
import { DELETE as deleteRoute } from "@/app/api/gpts/[id]/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/gpts/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { createGpt } from "@/lib/gpts/create-gpt";
import { CROSS_SITE_REFUSED, JSON_REQUIRED } from "@/lib/http/same-origin";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

/**
 * Cross-site request forgery through the real route handlers: the session stub stands in for the
 * victim's cookie, so only the request's own headers decide. A page on another site can make the
 * browser POST `Content-Type: text/plain` (no CORS preflight) with the cookie attached; the
 * browser then names that site in Origin and says `Sec-Fetch-Site: cross-site`.
 */
const EVIL = "http://evil.example";
const draft = { name: "Forged GPT", instructions: "Sent from another site" };

let actor: Actor;

beforeEach(async () => {
  actor = await createActor();
  setSessionActor(actor);
});

const gptCount = () => prisma.gpt.count({ where: { ownerId: actor.id } });

function createGptWith(headers: Record<string, string | null>, url = "/api/gpts") {
  return createRoute(appRequest(url, { method: "POST", body: draft, headers }), segment({}));
}

async function expectCrossSiteRefusal(response: Response) {
  expect(response.status).toBe(403);
  expect((await response.json()).error).toMatchObject({
    code: "forbidden",
    message: CROSS_SITE_REFUSED,
    reason: "cross_site",
  });
}

describe("[SECURITY]: state-changing API requests must come from this site", () => {
  it("a cross-site text/plain form post from a signed-in user's browser is refused with 403 and creates no GPT", async () => {
    // Only the Origin gives it away (a browser without Fetch Metadata sends no Sec-Fetch-Site).
    const response = await createGptWith({ origin: EVIL, "content-type": "text/plain" });
    await expectCrossSiteRefusal(response);
    expect(await gptCount()).toBe(0);
  });

  it("another site's Origin is refused even when the request claims JSON", async () => {
    await expectCrossSiteRefusal(await createGptWith({ origin: EVIL }));
    await expectCrossSiteRefusal(await createGptWith({ origin: "null" }));
    expect(await gptCount()).toBe(0);
  });

  it("a POST with neither Origin nor Sec-Fetch-Site is refused with 403", async () => {
    const request = appRequest("/api/gpts", {
      method: "POST",
      body: draft,
      headers: { origin: null },
    });
    expect(request.headers.get("origin")).toBeNull();
    expect(request.headers.get("sec-fetch-site")).toBeNull();
    await expectCrossSiteRefusal(await createRoute(request, segment({})));
    expect(await gptCount()).toBe(0);
  });

  it.each(["cross-site", "same-site"])(
    "Sec-Fetch-Site: %s is refused even with this site's Origin",
    async (fetchSite) => {
      await expectCrossSiteRefusal(await createGptWith({ "sec-fetch-site": fetchSite }));
      expect(await gptCount()).toBe(0);
    },
  );

  it("Sec-Fetch-Site: same-origin is enough without an Origin → 201", async () => {
    const response = await createGptWith({ origin: null, "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(201);
    expect(await gptCount()).toBe(1);
  });

  it("an Origin equal to APP_URL's is accepted when the request URL differs (behind a proxy)", async () => {
    const appOrigin = new URL(appUrl).origin;
    const response = await createGptWith(
      { origin: appOrigin },
      "http://internal-upstream.invalid:8080/api/gpts",
    );
    expect(response.status).toBe(201);
    expect(await gptCount()).toBe(1);
  });

  it("this site's Origin with a JSON body sent as text/plain is refused with 400 and creates nothing", async () => {
    const response = await createGptWith({ "content-type": "text/plain" });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: "bad_request",
      message: JSON_REQUIRED,
    });
    expect(await gptCount()).toBe(0);
  });

  it("every state-changing method is checked: a cross-site DELETE leaves the GPT", async () => {
    const gpt = await createGpt({ actor, input: draft });
    const response = await deleteRoute(
      appRequest(`/api/gpts/${gpt.id}`, { method: "DELETE", headers: { origin: EVIL } }),
      segment({ id: gpt.id }),
    );
    await expectCrossSiteRefusal(response);
    const row = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
    expect(row.deletedAt).toBeNull();
  });

  it("GET requests are not checked: with no Origin or from another site they still answer", async () => {
    await createGpt({ actor, input: draft });
    for (const headers of [
      { origin: null },
      { origin: EVIL, "sec-fetch-site": "cross-site" },
    ] as Record<string, string | null>[]) {
      const response = await listRoute(appRequest("/api/gpts", { headers }), segment({}));
      expect(response.status).toBe(200);
      const { gpts } = await response.json();
      expect(gpts.map((gpt: { name: string }) => gpt.name)).toEqual([draft.name]);
    }
  });
});

describe("[SECURITY]: sign-up refuses cross-site requests", () => {
  let sequence = 0;
  const signUpRequest = (email: string, headers: Record<string, string | null>) =>
    appRequest("/api/auth/sign-up", {
      method: "POST",
      body: { name: "Mallory's Victim", email, password: "correct horse battery" },
      // A fresh client address each time, so the sign-up rate limit never answers instead.
      headers: { "x-forwarded-for": `198.51.100.${++sequence}`, ...headers },
    });

  it("a cross-site POST to /api/auth/sign-up is refused with 403 and creates no user", async () => {
    const email = `cross-site-${Date.now()}@example.com`;
    const forged = await signUpRoute(
      signUpRequest(email, { origin: EVIL, "sec-fetch-site": "cross-site" }),
    );
    await expectCrossSiteRefusal(forged);
    const textPlain = await signUpRoute(
      signUpRequest(email, { origin: EVIL, "content-type": "text/plain" }),
    );
    await expectCrossSiteRefusal(textPlain);
    const noOrigin = await signUpRoute(signUpRequest(email, { origin: null }));
    await expectCrossSiteRefusal(noOrigin);
    expect(await prisma.user.count({ where: { email } })).toBe(0);

    // The same body from this site creates the account: the refusals above were for the origin.
    const accepted = await signUpRoute(signUpRequest(email, {}));
    expect(accepted.status).toBe(201);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("sign-up from this site still needs a JSON content type", async () => {
    const email = `text-plain-${Date.now()}@example.com`;
    const response = await signUpRoute(signUpRequest(email, { "content-type": "text/plain" }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(JSON_REQUIRED);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});
