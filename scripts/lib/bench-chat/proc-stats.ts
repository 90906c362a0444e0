import { readdirSync, readFileSync } from "node:fs";

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks (100 on every common kernel). */
const TICKS_PER_SECOND = 100;

type StatLine = { ppid: number; cpuTicks: number };

/** Fields after the command name, which may itself contain spaces and parentheses. */
function readStat(pid: number): StatLine | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** The process and all its descendants still alive. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(pid);
    children.set(stat.ppid, siblings);
  }
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of the whole tree in MB (shared pages counted once per process). */
export function treeRssMb(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + rssKb(pid), 0) / 1024;
}

/** User + system CPU seconds of the live tree (children that already exited are not counted). */
export function treeCpuSeconds(rootPid: number): number {
  return (
    processTree(rootPid).reduce((sum, pid) => sum + (readStat(pid)?.cpuTicks ?? 0), 0) /
    TICKS_PER_SECOND
  );
}

export type TcpCounters = { listenOverflows: number; synRetransmits: number };

/**
 * Machine-wide TCP counters (/proc/net/netstat): a full accept queue (`next start` listens with
 * Node's default backlog of 511) drops SYNs, and the client retries after 1 s, 3 s, ... which
 * shows as TTFT. Other processes' traffic counts too; on a bench machine it is negligible.
 */
export function tcpCounters(): TcpCounters {
  try {
    const lines = readFileSync("/proc/net/netstat", "utf8").split("\n");
    const header = lines.find((line) => line.startsWith("TcpExt:"))?.split(" ") ?? [];
    const values = lines.filter((line) => line.startsWith("TcpExt:"))[1]?.split(" ") ?? [];
    const read = (name: string) => Number(values[header.indexOf(name)] ?? 0) || 0;
    return { listenOverflows: read("ListenOverflows"), synRetransmits: read("TCPSynRetrans") };
  } catch {
    return { listenOverflows: 0, synRetransmits: 0 };
  }
}

export function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").trim();
  } catch {
    return "n/a";
  }
}

/**
 * Samples the tree's RSS every `everyMs` until stopped: the peak, and every sample taken (`at` is
 * performance.now(), comparable with the request timestamps in http-client.ts).
 */
export function sampleRss(rootPid: number, everyMs = 250) {
  const samples: { at: number; rssMb: number }[] = [];
  const take = () => {
    samples.push({ at: performance.now(), rssMb: treeRssMb(rootPid) });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop: () => {
      clearInterval(timer);
      take();
      return Math.max(...samples.map((sample) => sample.rssMb));
    },
  };
}
