import { describe, expect, it } from "vitest";
import { assertAdmin, banRefusalReason } from "@/lib/admin/policy";
import { AppError } from "@/lib/errors";

describe("[ADMIN]: policy", () => {
  it("assertAdmin lets admins through and refuses everyone else", () => {
    expect(() => assertAdmin({ role: "ADMIN" })).not.toThrow();
    for (const actor of [{ role: "USER" as const }, null, undefined]) {
      expect(() => assertAdmin(actor)).toThrow(AppError);
    }
  });

  it("an admin may ban users but not themselves or another admin", () => {
    const admin = { id: "a1" };
    expect(banRefusalReason(admin, { id: "u1", role: "USER" })).toBeNull();
    expect(banRefusalReason(admin, { id: "a1", role: "ADMIN" })).toBe(
      "You cannot ban your own account.",
    );
    expect(banRefusalReason(admin, { id: "a2", role: "ADMIN" })).toBe(
      "Administrators cannot be banned.",
    );
  });
});
