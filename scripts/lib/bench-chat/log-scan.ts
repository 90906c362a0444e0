import { existsSync, readFileSync } from "node:fs";

export type LogFinding = { pattern: string; lines: number; examples: string[] };

/** What to look for in the server log after a pass: lost writes and overload symptoms. */
const PATTERNS: [string, RegExp][] = [
  ["could not record assistant message", /could not record assistant message/i],
  [
    "transaction errors (P2028, timeouts, closed)",
    /P2028|transaction api error|transaction already closed|unable to start a transaction|expired transaction/i,
  ],
  ["timeouts", /timed? ?out|timeout/i],
  [
    "connection errors",
    /ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|too many clients|connection terminated/i,
  ],
  ["unhandled errors", /unhandled|uncaught/i],
  ["other lines with 'error'", /error/i],
];

/** Digits and hex ids vary per line; folding them groups repeats of one message. */
const fold = (line: string) => line.replace(/[0-9a-f]{8,}/gi, "<id>").replace(/\d+/g, "N");

/** Counts matching lines per pattern (each line under its first matching pattern). */
export function scanServerLog(logFile: string): LogFinding[] {
  if (!existsSync(logFile)) return [];
  const findings = PATTERNS.map(([pattern]) => ({
    pattern,
    lines: 0,
    examples: [] as string[],
    seen: new Set<string>(),
  }));
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    const index = PATTERNS.findIndex(([, regex]) => regex.test(line));
    if (index === -1) continue;
    const finding = findings[index];
    finding.lines += 1;
    const key = fold(line).slice(0, 160);
    if (finding.examples.length < 3 && !finding.seen.has(key)) {
      finding.seen.add(key);
      finding.examples.push(line.trim().slice(0, 240));
    }
  }
  return findings
    .filter((finding) => finding.lines > 0)
    .map(({ pattern, lines, examples }) => ({ pattern, lines, examples }));
}
