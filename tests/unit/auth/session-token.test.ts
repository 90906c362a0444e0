import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { claimsFromSessionToken } from "@/lib/auth/session-token";

const SECRET = "unit-test-auth-secret-0123456789abcdef";

describe("[AUTH]: session tokens are read without next-auth's round trip", () => {
  it("reads the user id and session id of a token next-auth issued", async () => {
    const token = await encode({ token: { sub: "user-1", sid: "session-1" }, secret: SECRET });
    expect(await claimsFromSessionToken(token, SECRET)).toEqual({ id: "user-1", sid: "session-1" });
  });

  it("refuses a token sealed with another secret, a tampered one and an expired one", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret: SECRET });
    expect(await claimsFromSessionToken(token, `${SECRET}-other`)).toBeUndefined();
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await claimsFromSessionToken(tampered, SECRET)).toBeUndefined();
    const expired = await encode({ token: { sub: "user-1" }, secret: SECRET, maxAge: -60 });
    expect(await claimsFromSessionToken(expired, SECRET)).toBeUndefined();
  });
});
