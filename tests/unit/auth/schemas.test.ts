import { describe, expect, it } from "vitest";
import { passwordSchema, signUpSchema } from "@/lib/auth/schemas";

describe("[AUTH]: password strength", () => {
  it("rejects passwords shorter than 10 characters", () => {
    expect(passwordSchema.safeParse("short1!").success).toBe(false);
  });
  it("rejects well-known passwords whatever their case", () => {
    expect(passwordSchema.safeParse("Password123").success).toBe(false);
  });
  it("rejects one repeated character", () => {
    expect(passwordSchema.safeParse("aaaaaaaaaaaa").success).toBe(false);
  });
  it("accepts a long passphrase", () => {
    expect(passwordSchema.safeParse("correct horse battery staple").success).toBe(true);
  });
});

describe("[AUTH]: sign-up input", () => {
  it("normalises the email to lower case and trims the name", () => {
    const parsed = signUpSchema.parse({
      name: "  Ann  ",
      email: " Ann@Example.COM ",
      password: "correct horse battery",
    });
    expect(parsed).toMatchObject({ name: "Ann", email: "ann@example.com" });
  });
  it("names the field that is wrong", () => {
    const result = signUpSchema.safeParse({
      name: "Ann",
      email: "not-an-email",
      password: "correct horse battery",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["email"]);
  });
});
