import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";

describe("[DB]: concurrent requests", () => {
  it("keeps every row intact when 200 writes and 50 transactions run in parallel", async () => {
    const user = await prisma.user.create({ data: { email: "writer@example.com" } });
    const writes = Array.from({ length: 200 }, (_, i) =>
      prisma.auditLog.create({
        data: { actorId: user.id, action: "write", targetType: "test", targetId: String(i) },
      }),
    );
    // Read-then-write transactions. Row locks serialise them on a PostgreSQL server; on the embedded
    // database (one session) statements of two transactions interleaving would lose increments.
    await prisma.rateLimit.create({ data: { key: "counter", windowStart: new Date(), count: 0 } });
    // 50 transactions queue for the pool's 10 connections: on a loaded machine the last ones wait
    // longer than Prisma's default 2 s to start. This test is about integrity, not speed.
    const increments = Array.from({ length: 50 }, () =>
      prisma.$transaction(
        async (tx) => {
          const [row] = await tx.$queryRaw<{ count: number }[]>`
            SELECT count FROM "RateLimit" WHERE key = 'counter' FOR UPDATE`;
          await new Promise((resolve) => setTimeout(resolve, 1));
          await tx.rateLimit.update({ where: { key: "counter" }, data: { count: row.count + 1 } });
        },
        { maxWait: 60_000, timeout: 60_000 },
      ),
    );
    await Promise.all([...writes, ...increments]);

    const rows = await prisma.auditLog.findMany({ where: { actorId: user.id } });
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((row) => row.targetId)).size).toBe(200);
    const counter = await prisma.rateLimit.findUniqueOrThrow({ where: { key: "counter" } });
    expect(counter.count).toBe(50);
  });

  it("rolls back a failed transaction completely", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { email: "rolled-back@example.com" } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await prisma.user.count({ where: { email: "rolled-back@example.com" } })).toBe(0);
  });
});
