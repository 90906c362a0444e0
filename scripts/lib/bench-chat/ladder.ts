import type { Agent } from "undici";
import { startCpuLoad } from "./cpu-load";
import type { FakeProcess } from "./fake-process";
import { chatTurn, createAgent, type StreamResult } from "./http-client";
import { classify, type Outcomes } from "./outcomes";
import { sampleRss, type TcpCounters, tcpCounters, treeCpuSeconds, treeRssMb } from "./proc-stats";
import type { UserPool } from "./sessions";
import type { BenchTarget, PhaseCounts } from "./target";

export type StepResult = {
  concurrency: number;
  isLoaded: boolean;
  outcomes: Outcomes;
  /** First request sent → last response ended. */
  wallMs: number;
  turnsPerSecond: number;
  rssAfterMb: number;
  rssPeakMb: number;
  /** CPU seconds the server tree and the fake upstream used during the requests. */
  serverCpuSeconds: number;
  fakeCpuSeconds: number;
  /** Machine-wide accept-queue overflows and SYN retransmits during the requests. */
  tcp: TcpCounters;
  counts: PhaseCounts;
};

/** `concurrency` new chats at once, each from its own user, then their rows once settled. */
export async function runStep(options: {
  target: BenchTarget;
  fake: FakeProcess;
  benchRoot: string;
  gptId: string;
  users: UserPool;
  concurrency: number;
  isLoaded: boolean;
  isLast: boolean;
  warmUp: () => Promise<number>;
  /**
   * Sends the step's request number `index` (default: a new chat through POST /api/chat from the
   * next user of `users`); bench:api sends OpenAI-compatible completions instead.
   */
  send?: (index: number, agent: Agent) => Promise<StreamResult>;
}): Promise<StepResult> {
  const { target, concurrency } = options;
  const window = await target.openWindow();
  const cookies = options.send ? [] : await options.users.take(concurrency);
  const app = target.app!;
  const load = options.isLoaded ? await startCpuLoad(options.benchRoot, 900) : null;
  const rss = sampleRss(app.pid);
  const cpuBefore = treeCpuSeconds(app.pid);
  const fakeCpuBefore = options.fake.cpuSeconds();
  const tcpBefore = tcpCounters();
  const agent = createAgent();
  const startedAt = performance.now();
  const send =
    options.send ??
    ((index: number, dispatcher: Agent) =>
      chatTurn({
        appUrl: app.url,
        cookie: cookies[index],
        gptId: options.gptId,
        text: `Step ${concurrency}, chat ${index}: make this sentence shorter please.`,
        agent: dispatcher,
      }));
  const results = await Promise.all(
    Array.from({ length: concurrency }, (_, index) => send(index, agent)),
  );
  const wallMs = performance.now() - startedAt;
  const serverCpuSeconds = treeCpuSeconds(app.pid) - cpuBefore;
  const fakeCpuSeconds = options.fake.cpuSeconds() - fakeCpuBefore;
  const tcpAfter = tcpCounters();
  await agent.destroy();
  await load?.stop();
  const rssPeakMb = rss.stop();
  const rssAfterMb = treeRssMb(app.pid);
  const outcomes = classify(results);
  const counts = await target.closeWindow(window, {
    isLast: options.isLast,
    warmUp: options.warmUp,
  });
  return {
    concurrency,
    isLoaded: options.isLoaded,
    outcomes,
    wallMs,
    turnsPerSecond: outcomes.ok / (wallMs / 1000),
    rssAfterMb,
    rssPeakMb,
    serverCpuSeconds,
    fakeCpuSeconds,
    tcp: {
      listenOverflows: tcpAfter.listenOverflows - tcpBefore.listenOverflows,
      synRetransmits: tcpAfter.synRetransmits - tcpBefore.synRetransmits,
    },
    counts,
  };
}
