/**
 * What the benchmark started (server, lock holder, PostgreSQL cluster, temporary folders), undone
 * in reverse order on a normal end, on an error exit and on Ctrl-C. Steps are synchronous so they
 * also run inside process.on("exit"); each runs once.
 */
type Step = { label: string; run: () => void; done: boolean };
const steps: Step[] = [];

export function onCleanup(label: string, run: () => void): () => void {
  const step: Step = { label, run, done: false };
  steps.push(step);
  return () => runStep(step);
}

function runStep(step: Step): void {
  if (step.done) return;
  step.done = true;
  try {
    step.run();
  } catch (error) {
    console.error(`(cleanup of ${step.label} failed: ${(error as Error).message})`);
  }
}

export function cleanupAll(): void {
  for (const step of [...steps].reverse()) runStep(step);
}

let installed = false;
export function installCleanupHandlers(): void {
  if (installed) return;
  installed = true;
  process.on("exit", cleanupAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping what the benchmark started…`);
      cleanupAll();
      process.exit(130);
    });
  }
}

/** Stops a process we spawned (detached, so its own group) and everything it started. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals = "SIGKILL"): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}
