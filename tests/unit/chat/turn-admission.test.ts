import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { admitTurn, type TurnTicket } from "@/lib/chat/engine/turn-admission";
import { chatMaxStartingTurns } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Takes every starting slot; the returned tickets hold them until `started()`. */
async function fillStartingSlots(): Promise<TurnTicket[]> {
  const tickets = Array.from({ length: chatMaxStartingTurns }, () => admitTurn());
  await Promise.all(tickets.map((ticket) => ticket.whenStartable()));
  return tickets;
}

/** Queues `count` turns behind the full slots; each settles to "admitted" or its busy error. */
function queue(count: number): {
  tickets: TurnTicket[];
  outcomes: Promise<AppError | "admitted">[];
} {
  const tickets = Array.from({ length: count }, () => admitTurn());
  const outcomes = tickets.map((ticket) =>
    ticket.whenStartable().then(
      () => "admitted" as const,
      (error: AppError) => error,
    ),
  );
  return { tickets, outcomes };
}

/** Runs `count` turns one at a time, each start taking `startMs`, with `gapMs` between them. */
async function runTurnsOneByOne({
  count,
  startMs,
  gapMs = 0,
}: {
  count: number;
  startMs: number;
  gapMs?: number;
}): Promise<void> {
  for (let turn = 0; turn < count; turn += 1) {
    const ticket = admitTurn();
    await ticket.whenStartable();
    vi.advanceTimersByTime(startMs);
    ticket.started();
    ticket.finished();
    vi.advanceTimersByTime(gapMs);
  }
}

/** Lets every queued turn through, then ends every answer, so the next test starts empty. */
async function drain(held: TurnTicket[], queued: TurnTicket[], outcomes: Promise<unknown>[]) {
  for (const ticket of held) ticket.started();
  for (const [index, ticket] of queued.entries()) {
    if ((await outcomes[index]) === "admitted") ticket.started();
  }
  for (const ticket of [...held, ...queued]) ticket.finished();
}

describe("[CHAT ENGINE]: admission estimates the wait from how long starts take", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a burst after a quiet spell waits in line instead of being refused", async () => {
    // A dozen turns over the last 5 s, one at a time, each start taking 50 ms: a quiet process
    // that finished few starts lately, though each was quick.
    await runTurnsOneByOne({ count: 12, startMs: 50, gapMs: 350 });
    // Then 1,000 at once: at 50 ms per start the whole line moves well within the 20 s wait.
    const held = await fillStartingSlots();
    const { tickets, outcomes } = queue(1_000);
    // Starts keep taking 50 ms: every queued turn gets its slot, none is refused.
    for (const ticket of held) ticket.started();
    for (const [index, ticket] of tickets.entries()) {
      expect(await outcomes[index]).toBe("admitted");
      vi.advanceTimersByTime(50 / chatMaxStartingTurns);
      ticket.started();
    }
    for (const ticket of [...held, ...tickets]) ticket.finished();
  });

  it("refuses at once, with a Retry-After near the expected wait, when the line would take over 20 s", async () => {
    // Starts have been taking a second each (a database under strain).
    await runTurnsOneByOne({ count: 100, startMs: 1_000 });
    const held = await fillStartingSlots();
    // 20 s of line: 20 starts per slot wait; the next one is refused before waiting.
    const fits = 20 * chatMaxStartingTurns;
    const { tickets, outcomes } = queue(fits + 1);
    const refused = await outcomes[fits];
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "busy" });
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThanOrEqual(20);
    expect((refused as AppError).retryAfterSeconds).toBeLessThanOrEqual(21);
    await drain(held, tickets.slice(0, fits), outcomes.slice(0, fits));
    tickets[fits]!.finished();
  });
});
