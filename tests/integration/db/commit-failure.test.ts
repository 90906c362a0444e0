import { expect, it } from "vitest";
import { prisma } from "@/lib/db";

// pglite-prisma-adapter swallowed a refused COMMIT (lib/db/pglite-adapter.ts): the transaction
// looked committed while nothing was written. Both databases must report it.
it("reports a transaction whose COMMIT the database refused, and keeps nothing of it", async () => {
  await prisma.$executeRawUnsafe(
    `CREATE TABLE "commit_probe" ("key" TEXT, CONSTRAINT "commit_probe_key" UNIQUE ("key") DEFERRABLE INITIALLY DEFERRED)`,
  );
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO "commit_probe" VALUES ('a'), ('a')`);
    }),
  ).rejects.toThrow();
  const [{ count }] = await prisma.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT COUNT(*) AS count FROM "commit_probe"`,
  );
  expect(Number(count)).toBe(0);
});
