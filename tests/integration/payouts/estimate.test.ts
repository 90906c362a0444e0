import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { estimateRunningMonth } from "@/lib/payouts/estimate-month";
import { planMonthClose } from "@/lib/payouts/plan-month-close";
import {
  addAnswers,
  bookCreditsSpent,
  bookSubscriptionPayment,
  createGptRow,
  createUser,
} from "../../support/payouts";

const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

describe("[PAYOUTS]: this month so far", () => {
  it("estimates each creator's share as the close would compute it, within rounding, leaving out what would be held", async () => {
    const cleo = await createUser();
    const dev = await createUser();
    const chef = await createGptRow(cleo.id, "Chef");
    const tutor = await createGptRow(dev.id, "Tutor");
    const removed = await createGptRow(dev.id, "Removed");
    await prisma.gpt.update({ where: { id: removed.id }, data: { status: "REMOVED" } });
    const ana = await createUser();
    const ben = await createUser();
    const free = await createUser();
    await bookSubscriptionPayment({
      userId: ana.id,
      at: at("2014-05-02"),
      cents: 2000,
      feeCents: 88,
    });
    await bookCreditsSpent({
      userId: ben.id,
      at: at("2014-05-03"),
      cents: 1000,
      feeCents: 59,
      spentCents: 700,
    });
    await addAnswers({
      userId: ana.id,
      gptId: chef.id,
      creatorId: cleo.id,
      at: at("2014-05-04"),
      count: 25,
    });
    await addAnswers({
      userId: ana.id,
      gptId: tutor.id,
      creatorId: dev.id,
      at: at("2014-05-05"),
      count: 7,
    });
    await addAnswers({
      userId: ben.id,
      gptId: tutor.id,
      creatorId: dev.id,
      at: at("2014-05-06"),
      count: 3,
    });
    await addAnswers({
      userId: ben.id,
      gptId: removed.id,
      creatorId: dev.id,
      at: at("2014-05-07"),
      count: 5,
    });
    await addAnswers({
      userId: free.id,
      gptId: chef.id,
      creatorId: cleo.id,
      at: at("2014-05-08"),
      count: 9,
    });
    await addAnswers({
      userId: dev.id,
      gptId: tutor.id,
      creatorId: dev.id,
      at: at("2014-05-09"),
      count: 9,
    });

    const plan = await planMonthClose(prisma, "2014-05");
    for (const creator of [cleo, dev]) {
      const estimate = await estimateRunningMonth({ creatorId: creator.id, now: at("2014-05-20") });
      const planned = plan.statements.find((statement) => statement.creatorId === creator.id);
      expect(estimate.month).toBe("2014-05");
      expect(estimate.engagedAnswers).toBe(
        planned?.lines
          .filter((line) => !line.isHeld)
          .reduce((sum, line) => sum + line.engagedAnswers, 0),
      );
      const difference = (planned?.earnedMicros ?? 0n) - estimate.estimatedMicros;
      // The close hands out leftover micro-dollars; the estimate rounds down once.
      expect(difference >= 0n && difference <= 2n).toBe(true);
    }
    const cleoEstimate = await estimateRunningMonth({ creatorId: cleo.id, now: at("2014-05-20") });
    expect(cleoEstimate.payingUsers).toBe(1);
    expect(cleoEstimate.engagedAnswers).toBe(10);
  });
});
