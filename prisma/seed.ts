import type { PrismaClient } from "../lib/generated/prisma/client";
import { seedCategories } from "./seed/categories";
import { seedDemoGpts } from "./seed/demo-gpts";
import { createUserWithPassword, generatePassword } from "./seed/users";

export type SeedResult = {
  isFirstSeed: boolean;
  adminEmail: string | null;
  /** Set only when the password was generated now: it is shown once and never stored in clear. */
  generatedAdminPassword: string | null;
};

/**
 * Seeds an empty database: an admin, the categories, and demo GPTs (unless disabled). Idempotent:
 * on a database that already has users it only adds missing categories.
 */
export async function seedDatabase(
  prisma: PrismaClient,
  options: { adminEmail?: string; adminPassword?: string; withDemoContent: boolean },
): Promise<SeedResult> {
  await seedCategories(prisma);
  const hasAdmin = (await prisma.user.count({ where: { role: "ADMIN" } })) > 0;
  if (hasAdmin) return { isFirstSeed: false, adminEmail: null, generatedAdminPassword: null };

  const adminEmail = (options.adminEmail ?? "admin@atelier.local").toLowerCase();
  const generatedAdminPassword = options.adminPassword ? null : generatePassword();
  const password = options.adminPassword ?? generatedAdminPassword!;
  const existing = await prisma.user.findUnique({ where: { email: adminEmail } });
  if (existing) {
    await prisma.user.update({ where: { id: existing.id }, data: { role: "ADMIN" } });
  } else {
    await createUserWithPassword(prisma, {
      email: adminEmail,
      password,
      name: "Administrator",
      role: "ADMIN",
      isEmailVerified: true,
    });
  }
  if (options.withDemoContent) await seedDemoGpts(prisma);
  return {
    isFirstSeed: true,
    adminEmail,
    generatedAdminPassword: existing ? null : generatedAdminPassword,
  };
}
