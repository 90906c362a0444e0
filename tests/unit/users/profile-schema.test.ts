import { describe, expect, it } from "vitest";
import { BIO_MAX, normalizeWebsite, profileSettingsSchema } from "@/lib/users/profile-schema";

const base = { handle: "ada", displayName: "Ada" };

describe("[PROFILE]: website and bio", () => {
  it("normalises a website: adds https, lower-cases the host, drops the fragment", () => {
    expect(normalizeWebsite("Example.COM")).toEqual({ url: "https://example.com" });
    expect(normalizeWebsite("http://Example.com/Me#top")).toEqual({ url: "http://example.com/Me" });
    expect(normalizeWebsite(" https://blog.example.org/?a=1 ")).toEqual({
      url: "https://blog.example.org/?a=1",
    });
  });

  it("refuses websites that are not http(s) web addresses, with a reason", () => {
    expect(normalizeWebsite("javascript:alert(1)")).toEqual({
      error: "Use an http:// or https:// address.",
    });
    expect(normalizeWebsite("ftp://example.com")).toHaveProperty("error");
    expect(normalizeWebsite("https://user:pw@example.com")).toEqual({
      error: "Leave the user name and password out.",
    });
    expect(normalizeWebsite("localhost")).toEqual({
      error: "Enter a full domain name, such as example.com.",
    });
    expect(normalizeWebsite("http://")).toHaveProperty("error");
  });

  it("an empty website or bio is stored as nothing", () => {
    expect(profileSettingsSchema.parse({ ...base, website: "  ", bio: "  " })).toMatchObject({
      website: null,
      bio: null,
    });
  });

  it(`a bio is at most ${BIO_MAX} characters`, () => {
    expect(profileSettingsSchema.safeParse({ ...base, bio: "b".repeat(BIO_MAX) }).success).toBe(
      true,
    );
    const tooLong = profileSettingsSchema.safeParse({ ...base, bio: "b".repeat(BIO_MAX + 1) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0].message).toBe(`Keep the bio to ${BIO_MAX} characters.`);
  });
});
