import type { FakeProcess } from "./fake-process";
import { chatTurn, createAgent } from "./http-client";
import { classify, type Outcomes } from "./outcomes";
import { sampleRss, type TcpCounters, tcpCounters, treeRssMb } from "./proc-stats";
import type { UserPool } from "./sessions";
import { LONG_STREAM_DELTA_MS } from "./settings";
import type { BenchTarget, PhaseCounts } from "./target";

export type MemoryResult = {
  streams: number;
  /** slowStream's pace for this phase: 60 deltas this far apart. */
  deltaMs: number;
  rssBeforeMb: number;
  /** Most streams open (first token received, not yet ended) at one RSS sample. */
  peakOpen: number;
  rssAtPeakOpenMb: number;
  rssPeakMb: number;
  mbPerOpenStream: number | null;
  outcomes: Outcomes;
  wallMs: number;
  tcp: TcpCounters;
  counts: PhaseCounts;
};

const SLOW_DELTAS = 60;

/**
 * slowStream's pace: ~12 s answers (LONG_STREAM_DELTA_MS), or longer when the server needs longer
 * than that to start them all (at the ladder's rate), so that they are all open at once; at most
 * ~150 s.
 */
function paceFor(streams: number, turnsPerSecond: number | null): number {
  const rampSeconds = turnsPerSecond ? streams / turnsPerSecond : 0;
  const seconds = Math.min(
    150,
    Math.max((LONG_STREAM_DELTA_MS * SLOW_DELTAS) / 1000, rampSeconds * 1.5 + 10),
  );
  return Math.round((seconds * 1000) / SLOW_DELTAS);
}

/**
 * Many long answers at once: RSS before, and while they are all open. The difference over the
 * open streams is what one open stream costs (heap not yet collected included: RSS is what an
 * operator sizes a machine by).
 */
export async function measureMemory(options: {
  target: BenchTarget;
  fake: FakeProcess;
  gptId: string;
  users: UserPool;
  streams: number;
  /** The quiet ladder's rate at its largest step, to stretch the answers over the ramp-up. */
  turnsPerSecond: number | null;
  isLast: boolean;
  warmUp: () => Promise<number>;
}): Promise<MemoryResult> {
  const { target } = options;
  const window = await target.openWindow();
  const cookies = await options.users.take(options.streams);
  const app = target.app!;
  const deltaMs = paceFor(options.streams, options.turnsPerSecond);
  await options.fake.setScenario("slowStream", deltaMs);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const rssBeforeMb = treeRssMb(app.pid);
  const rss = sampleRss(app.pid);
  const tcpBefore = tcpCounters();
  const agent = createAgent();
  const startedAt = performance.now();
  const results = await Promise.all(
    cookies.map((cookie, index) =>
      chatTurn({
        appUrl: app.url,
        cookie,
        gptId: options.gptId,
        text: `Long answer ${index}.`,
        agent,
      }),
    ),
  );
  const wallMs = performance.now() - startedAt;
  const rssPeakMb = rss.stop();
  const tcpAfter = tcpCounters();
  await agent.destroy();
  await options.fake.setScenario("benchStream", LONG_STREAM_DELTA_MS);

  let peakOpen = 0;
  let rssAtPeakOpenMb = rssBeforeMb;
  for (const sample of rss.samples) {
    const open = results.filter(
      (result) =>
        result.firstTokenAt !== null &&
        result.firstTokenAt <= sample.at &&
        result.endedAt > sample.at,
    ).length;
    if (open > peakOpen || (open === peakOpen && sample.rssMb > rssAtPeakOpenMb)) {
      peakOpen = open;
      rssAtPeakOpenMb = sample.rssMb;
    }
  }
  const counts = await target.closeWindow(window, {
    isLast: options.isLast,
    warmUp: options.warmUp,
  });
  return {
    streams: options.streams,
    deltaMs,
    rssBeforeMb,
    peakOpen,
    rssAtPeakOpenMb,
    rssPeakMb,
    mbPerOpenStream: peakOpen > 0 ? (rssAtPeakOpenMb - rssBeforeMb) / peakOpen : null,
    outcomes: classify(results),
    wallMs,
    tcp: {
      listenOverflows: tcpAfter.listenOverflows - tcpBefore.listenOverflows,
      synRetransmits: tcpAfter.synRetransmits - tcpBefore.synRetransmits,
    },
    counts,
  };
}
