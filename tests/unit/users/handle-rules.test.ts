import { describe, expect, it } from "vitest";
import { initialHandle } from "@/lib/users/handle";
import { HANDLE_PATTERN, handleProblem, RESERVED_HANDLES } from "@/lib/users/handle-rules";
import { profileSettingsSchema } from "@/lib/users/profile-schema";

describe("[PROFILE]: handle rules", () => {
  it("accepts lower-case letters, digits and single hyphens, 3 to 30 characters", () => {
    for (const handle of ["ada", "ada-lovelace", "a1b", "x".repeat(30), "tide-tables-2"]) {
      expect(handleProblem(handle), handle).toBeNull();
    }
  });

  it("explains each way a handle can be wrong", () => {
    expect(handleProblem("ab")).toMatch(/at least 3/);
    expect(handleProblem("x".repeat(31))).toMatch(/at most 30/);
    expect(handleProblem("ada lovelace")).toMatch(/lower-case letters a-z, digits and hyphens/);
    expect(handleProblem("ada.l")).toMatch(/no spaces, dots/);
    expect(handleProblem("zoë")).toMatch(/accents/);
    expect(handleProblem("-ada")).toMatch(/not a hyphen/);
    expect(handleProblem("ada-")).toMatch(/not a hyphen/);
    expect(handleProblem("ada--l")).toMatch(/single hyphens/);
  });

  it("refuses reserved words such as admin, api, settings, new and atelier", () => {
    for (const word of ["admin", "api", "settings", "new", "atelier", "profile", "support"]) {
      expect(RESERVED_HANDLES.has(word)).toBe(true);
      expect(handleProblem(word)).toMatch(/reserved/);
    }
    expect(handleProblem("admin-ada")).toBeNull();
  });

  it("the form schema lower-cases and trims before checking", () => {
    const parsed = profileSettingsSchema.parse({ handle: "  Ada-Lovelace ", displayName: "Ada" });
    expect(parsed.handle).toBe("ada-lovelace");
    expect(profileSettingsSchema.safeParse({ handle: "ADMIN", displayName: "Ada" }).success).toBe(
      false,
    );
  });

  it("initial handles always match the handle rule and are not reserved", () => {
    for (const name of ["Ada Lovelace", "", "   ", "Zoë & Co.", "x".repeat(80), "Admin"]) {
      const handle = initialHandle(name, "cku1234567890");
      expect(HANDLE_PATTERN.test(handle), handle).toBe(true);
      expect(handleProblem(handle), handle).toBeNull();
    }
  });
});
