import { Script } from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { GET as sessionRoute } from "@/app/api/embed/[gptId]/session/route";
import { GET as getSettingsRoute, PUT as putSettingsRoute } from "@/app/api/gpts/[id]/embed/route";
import { GET as frameRoute } from "@/app/embed/[gptId]/route";
import { GET as loaderRoute } from "@/app/embed.js/route";
import { prisma } from "@/lib/db";
import { DEFAULT_EMBED_SETTINGS, normaliseOrigin } from "@/lib/embed/schemas";
import { newVisitorId, signVisitorToken, verifyVisitorToken } from "@/lib/embed/visitor-token";
import { FRAME_SCRIPT } from "@/lib/embed/widget/frame-script";
import { unpublishGpt } from "@/lib/gpts/unpublish-gpt";
import { expectAppError } from "../../support/app-error";
import { createActor, createPublishedGpt } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { changeSettings, embeddedGpt, requestSession, SHOP } from "./helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

describe("[EMBED]: visitor tokens", () => {
  it("verify for their GPT only; a tampered, foreign or expired token is refused", async () => {
    const visitorId = newVisitorId();
    const now = new Date("2026-12-07T10:00:00Z");
    const { token, expiresAt } = await signVisitorToken(
      { gptId: "gpt-a", visitorId, origin: SHOP },
      { now },
    );
    expect(expiresAt.toISOString()).toBe("2026-12-07T12:00:00.000Z");
    expect(await verifyVisitorToken(token, { gptId: "gpt-a", now })).toMatchObject({
      gptId: "gpt-a",
      visitorId,
      origin: SHOP,
    });

    const [payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, o: "https://evil.example" })).toString(
      "base64url",
    );
    const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    for (const bad of [`${forged}.${signature}`, `${payload}.${flipped}`, payload, "x.y.z"]) {
      const error = await expectAppError(
        verifyVisitorToken(bad, { gptId: "gpt-a", now }),
        "unauthorized",
      );
      expect(error.details?.reason).toBe("token_invalid");
    }
    const foreign = await expectAppError(
      verifyVisitorToken(token, { gptId: "gpt-b", now }),
      "unauthorized",
    );
    expect(foreign.details?.reason).toBe("token_invalid");
    const later = new Date("2026-12-07T12:00:01Z");
    const expired = await expectAppError(
      verifyVisitorToken(token, { gptId: "gpt-a", now: later }),
      "unauthorized",
    );
    expect(expired.details?.reason).toBe("token_expired");
    expect(expired.message).toMatch(/expired/);
  });
});

describe("[EMBED]: the session endpoint checks the browser's Origin against the allowed sites", () => {
  it("gives a listed site a token and the widget's look, and keeps a returning visitor's id", async () => {
    const { gptId } = await embeddedGpt([SHOP], { themeColor: "#ffcc00", greeting: "Hi there" });
    const response = await requestSession(gptId, SHOP);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    const session = await response.json();
    expect(session.config).toMatchObject({
      name: "Shop Helper",
      themeColor: "#ffcc00",
      themeForeground: "#111111",
      position: "RIGHT",
      greeting: "Hi there",
      starters: ["Hello"],
    });
    expect(await verifyVisitorToken(session.token, { gptId })).toMatchObject({
      origin: SHOP,
      visitorId: session.visitorId,
    });

    const again = await (await requestSession(gptId, SHOP, `?visitor=${session.visitorId}`)).json();
    expect(again.visitorId).toBe(session.visitorId);
    const made = await (await requestSession(gptId, SHOP, "?visitor=<script>")).json();
    expect(made.visitorId).not.toBe(session.visitorId);
    expect(made.visitorId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("refuses a site not in the list, a widget turned off and an unpublished GPT, saying why", async () => {
    const { owner, gptId } = await embeddedGpt([SHOP]);
    const other = await requestSession(gptId, "https://copycat.example");
    expect(other.status).toBe(403);
    // Readable by the loader, so it can log the reason.
    expect(other.headers.get("access-control-allow-origin")).toBe("https://copycat.example");
    const otherBody = await other.json();
    expect(otherBody.error.reason).toBe("origin_not_allowed");
    expect(otherBody.error.message).toContain("https://copycat.example");

    await changeSettings(owner, gptId, { isEnabled: false });
    const off = await requestSession(gptId, SHOP);
    expect(off.status).toBe(403);
    expect((await off.json()).error.reason).toBe("embed_disabled");

    await changeSettings(owner, gptId, { isEnabled: true });
    expect((await requestSession(gptId, SHOP)).status).toBe(200);
    await unpublishGpt({ actor: owner, gptId });
    const unpublished = await requestSession(gptId, SHOP);
    expect(unpublished.status).toBe(403);
    expect((await unpublished.json()).error.reason).toBe("unpublished");
  });
});

describe("[EMBED]: the iframe-only snippet's session", () => {
  const frameSession = (gptId: string, headers: Record<string, string | null>, query: string) =>
    sessionRoute(
      appRequest(`/api/embed/${gptId}/session${query}`, { headers }),
      segment({ gptId }),
    );

  it("takes the embedder the frame names on a same-origin request, never over a cross-site Origin", async () => {
    const { gptId } = await embeddedGpt([SHOP]);
    const fromFrame = await frameSession(
      gptId,
      { origin: null, "sec-fetch-site": "same-origin" },
      `?embedder=${encodeURIComponent(SHOP)}`,
    );
    expect(fromFrame.status).toBe(200);
    const { token } = await fromFrame.json();
    expect((await verifyVisitorToken(token, { gptId })).origin).toBe(SHOP);

    // A page elsewhere naming a listed site is judged by its own Origin.
    const forged = await frameSession(
      gptId,
      { origin: "https://copycat.example", "sec-fetch-site": "cross-site" },
      `?embedder=${encodeURIComponent(SHOP)}`,
    );
    expect(forged.status).toBe(403);
    const unnamed = await frameSession(gptId, { origin: null }, "");
    expect(unnamed.status).toBe(403);
  });
});

describe("[EMBED]: creator settings", () => {
  const put = (gptId: string, body: unknown) =>
    putSettingsRoute(
      appRequest(`/api/gpts/${gptId}/embed`, { method: "PUT", body }),
      segment({ id: gptId }),
    );
  const get = (gptId: string) =>
    getSettingsRoute(appRequest(`/api/gpts/${gptId}/embed`), segment({ id: gptId }));

  it("normalise the allowed sites and refuse paths, wildcards and other schemes", async () => {
    expect(normaliseOrigin(" https://Example.COM/ ")).toEqual({ origin: "https://example.com" });
    expect(normaliseOrigin("http://localhost:8080")).toEqual({ origin: "http://localhost:8080" });
    expect(normaliseOrigin("https://example.com:443")).toEqual({ origin: "https://example.com" });
    for (const bad of [
      "https://example.com/shop",
      "https://*.example.com",
      "example.com",
      "ftp://example.com",
      "https://user:pw@example.com",
      "https://example.com?x=1",
    ]) {
      expect(normaliseOrigin(bad), bad).toHaveProperty("error");
    }

    const owner = await createActor();
    const gpt = await createPublishedGpt(owner);
    setSessionActor(owner);
    const saved = await put(gpt.id, {
      ...DEFAULT_EMBED_SETTINGS,
      isEnabled: true,
      allowedOrigins: ["https://Shop.example/", "http://localhost:8080", "https://shop.example"],
      themeColor: "#AA00FF",
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()).settings).toMatchObject({
      allowedOrigins: ["https://shop.example", "http://localhost:8080"],
      themeColor: "#aa00ff",
    });

    const invalid = await put(gpt.id, {
      ...DEFAULT_EMBED_SETTINGS,
      allowedOrigins: ["https://shop.example/path", "*"],
      visitorMessagesPerHour: 0,
    });
    expect(invalid.status).toBe(400);
    const { fieldErrors } = (await invalid.json()).error;
    expect(Object.keys(fieldErrors).sort()).toEqual([
      "allowedOrigins.0",
      "allowedOrigins.1",
      "visitorMessagesPerHour",
    ]);
    expect((await (await get(gpt.id)).json()).settings.allowedOrigins).toEqual([
      "https://shop.example",
      "http://localhost:8080",
    ]);
  });

  it("belong to the GPT's owner: another user gets 404, a visitor 401, an unpublished GPT can't be turned on", async () => {
    const owner = await createActor();
    const gpt = await createPublishedGpt(owner);
    const stranger = await createActor();
    const body = { ...DEFAULT_EMBED_SETTINGS, isEnabled: true, allowedOrigins: [SHOP] };

    setSessionActor(stranger);
    expect((await get(gpt.id)).status).toBe(404);
    expect((await put(gpt.id, body)).status).toBe(404);
    expect(await prisma.gptEmbed.findUnique({ where: { gptId: gpt.id } })).toBeNull();
    setSessionActor(null);
    expect((await get(gpt.id)).status).toBe(401);

    setSessionActor(owner);
    await unpublishGpt({ actor: owner, gptId: gpt.id });
    const refused = await put(gpt.id, body);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/Publish/);
    const view = await (await get(gpt.id)).json();
    expect(view).toMatchObject({ isPublished: false, settings: { isEnabled: false } });
    setSessionActor(null);
  });
});

describe("[EMBED]: the frame and the loader", () => {
  it("the frame may be framed by the allowed sites only, runs only its nonce'd script and escapes the GPT's text", async () => {
    const owner = await createActor();
    const gpt = await createPublishedGpt(owner, { name: "<img src=x onerror=alert(1)>" });
    await changeSettings(owner, gpt.id, {
      allowedOrigins: [SHOP, "http://localhost:8080"],
      greeting: "</script><script>alert(2)</script>",
    });
    const response = await frameRoute(appRequest(`/embed/${gpt.id}`), segment({ gptId: gpt.id }));
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`frame-ancestors ${SHOP} http://localhost:8080`);
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(response.headers.get("x-frame-options")).toBeNull();
    const html = await response.text();
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>alert(2)");
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBe(2);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    await changeSettings(owner, gpt.id, { isEnabled: false });
    const off = await frameRoute(appRequest(`/embed/${gpt.id}`), segment({ gptId: gpt.id }));
    expect(off.status).toBe(403);
    expect(off.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(off.headers.get("x-frame-options")).toBe("DENY");
  });

  it("the loader is JavaScript any site may load, and both scripts parse", async () => {
    const response = loaderRoute();
    expect(response.headers.get("content-type")).toContain("javascript");
    const source = await response.text();
    expect(source).toContain("/api/embed/");
    expect(() => new Script(source)).not.toThrow();
    expect(() => new Script(FRAME_SCRIPT)).not.toThrow();
  });
});
