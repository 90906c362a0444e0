import { describe, expect, it } from "vitest";
import { needsConsent } from "@/lib/gpt-actions/consent/consent-policy";
import { applyCredential, MASK, maskRequest } from "@/lib/gpt-actions/runtime/credentials";

describe("[ACTIONS]: when a call waits for the user", () => {
  it("asks for the first read of a domain, and for every change unless always allowed", () => {
    expect(needsConsent({ consent: null, isConsequential: false })).toBe(true);
    expect(needsConsent({ consent: "ALLOWED", isConsequential: false })).toBe(false);
    expect(needsConsent({ consent: "ALLOWED", isConsequential: true })).toBe(true);
    expect(needsConsent({ consent: "ALWAYS", isConsequential: true })).toBe(false);
    expect(needsConsent({ consent: null, isConsequential: true })).toBe(true);
  });
});

describe("[ACTIONS]: credentials on requests", () => {
  const request = {
    method: "GET",
    url: "https://api.example.com/v1/items?q=1",
    headers: {},
    body: null,
  };
  const key = "sk-live-123456789";

  it("puts the key where the creator said and masks every form of it", () => {
    const header = applyCredential(request, {
      kind: "api_key",
      config: { placement: "header", name: "X-Api-Key" },
      key,
    });
    expect(header.request.headers["x-api-key"]).toBe(key);
    expect(JSON.stringify(maskRequest(header.request, header.secrets))).not.toContain(key);

    const query = applyCredential(request, {
      kind: "api_key",
      config: { placement: "query", name: "api_key" },
      key: "a b+c/d=e",
    });
    expect(new URL(query.request.url).searchParams.get("api_key")).toBe("a b+c/d=e");
    const shown = maskRequest(query.request, query.secrets);
    expect(shown.url).toContain(`api_key=${MASK}`);
    expect(shown.url).toContain("q=1");

    const basic = applyCredential(request, {
      kind: "api_key",
      config: { placement: "basic", name: "" },
      key,
    });
    expect(basic.request.headers.authorization).toBe(
      `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
    );
    expect(maskRequest(basic.request, basic.secrets).headers.authorization).toBe(`Basic ${MASK}`);

    const bearer = applyCredential(request, { kind: "bearer", token: "tok-abcdef" });
    expect(bearer.request.headers.authorization).toBe("Bearer tok-abcdef");
    expect(maskRequest(bearer.request, bearer.secrets).headers.authorization).toBe(
      `Bearer ${MASK}`,
    );
  });

  it("masks a key the API echoes back in a body", () => {
    const { request: sent, secrets } = applyCredential(
      { ...request, method: "POST", body: JSON.stringify({ echo: key }) },
      { kind: "api_key", config: { placement: "header", name: "X-Key" }, key },
    );
    expect(maskRequest(sent, secrets).body).toBe(JSON.stringify({ echo: MASK }));
  });
});
