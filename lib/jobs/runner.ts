import "server-only";
import { type JobWithMetadata, PgBoss } from "pg-boss";
import { ensureDatabase } from "../db";
import { jobDefinitions } from "./definitions";
import { bossConnectionOf } from "./job-database";
import type { JobContext, JobDefinition, RecoveryTools } from "./job-types";
import type { JobName, JobPayloads } from "./queues";
import { scheduleRecurringJobs } from "./schedules";

/**
 * Background jobs on pg-boss, in the web server's own process and on the app's own database
 * (embedded PGlite allows one process, so there is no separate worker). startJobs() runs once per
 * process from lib/startup.ts after migrations; enqueue() is safe to call before that.
 */

type UnsentJob = { name: JobName; data: object; singletonKey?: string };

type JobsState = {
  boss: PgBoss | null;
  starting: Promise<void> | null;
  isSoleWorker: boolean;
  workerIds: Map<JobName, string>;
  /** Jobs enqueued while no runner was started (tests, or before start-up finished). */
  unsent: UnsentJob[];
};

const globalForJobs = globalThis as unknown as { atelierJobs?: JobsState };
globalForJobs.atelierJobs ??= {
  boss: null,
  starting: null,
  isSoleWorker: false,
  workerIds: new Map(),
  unsent: [],
};
const state: JobsState = globalForJobs.atelierJobs;

export type StartJobsOptions = {
  /** Seconds between polls for new jobs (pg-boss minimum 0.5). */
  pollingIntervalSeconds?: number;
};

function definitionOf(name: JobName): JobDefinition<object> {
  return jobDefinitions[name] as JobDefinition<object>;
}

/** Starts pg-boss, its queues and workers, then recovers interrupted work. Idempotent. */
export function startJobs(options: StartJobsOptions = {}): Promise<void> {
  state.starting ??= (async () => {
    const database = await ensureDatabase();
    const connection = bossConnectionOf(database);
    const boss = new PgBoss({ db: connection.db, backend: connection.backend });
    boss.on("error", (error) => console.error("[atelier] background jobs:", error));
    await boss.start();
    try {
      const names = Object.keys(jobDefinitions) as JobName[];
      for (const name of names) await boss.createQueue(name, definitionOf(name).queue);
      state.boss = boss;
      state.isSoleWorker = database.kind === "embedded";
      for (const job of state.unsent.splice(0)) await send(boss, job);
      // Before the workers start: at this point an "active" job can only be a dead process's.
      await recoverJobs().catch((error: unknown) =>
        console.error("[atelier] background jobs: start-up recovery failed", error),
      );
      for (const name of names) {
        const definition = definitionOf(name);
        const workerId = await boss.work(
          name,
          {
            includeMetadata: true,
            localConcurrency: 1,
            // enqueue() wakes the worker at once; polling only catches other instances' jobs
            // and retries coming due.
            pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
          },
          async ([job]: JobWithMetadata<object>[]) => {
            if (!job) return;
            await definition.handle(job.data, {
              jobId: job.id,
              retryCount: job.retryCount,
              isLastAttempt: job.retryCount >= job.retryLimit,
            });
          },
        );
        state.workerIds.set(name, workerId);
      }
      await scheduleRecurringJobs(boss);
    } catch (error) {
      state.boss = null;
      state.workerIds.clear();
      await boss.stop({ graceful: false, close: false }).catch(() => {});
      throw error;
    }
  })().catch((error) => {
    state.starting = null;
    throw error;
  });
  return state.starting;
}

/** Stops the workers (waiting briefly for a running job) and forgets the instance. */
export async function stopJobs(): Promise<void> {
  if (state.starting) await state.starting.catch(() => {});
  const boss = state.boss;
  state.boss = null;
  state.starting = null;
  state.workerIds.clear();
  // The app owns the database connection: pg-boss must not close it.
  await boss?.stop({ graceful: true, timeout: 10_000, close: false });
}

export function isJobRunnerStarted(): boolean {
  return state.boss !== null;
}

async function send(boss: PgBoss, job: UnsentJob): Promise<string | null> {
  const singletonKey = job.singletonKey ?? definitionOf(job.name).singletonKeyOf?.(job.data);
  const id = await boss.send(job.name, job.data, singletonKey ? { singletonKey } : {});
  const workerId = state.workerIds.get(job.name);
  if (id && workerId) boss.notifyWorker(workerId);
  return id;
}

/**
 * Queues a job. With a singleton key (by default the definition's, e.g. the file id) a job that is
 * already queued or running for that key makes this a no-op, so the same file is never processed
 * twice at once. Before startJobs() the job is held in memory and sent when the runner starts.
 * Returns the job id, or null when nothing new was queued.
 */
export async function enqueue<N extends JobName>(
  name: N,
  data: JobPayloads[N],
  options: { singletonKey?: string } = {},
): Promise<string | null> {
  const job: UnsentJob = { name, data, singletonKey: options.singletonKey };
  if (!state.boss) {
    state.unsent.push(job);
    return null;
  }
  return send(state.boss, job);
}

/** True when a job of this name and singleton key is queued, retrying or running (any process). */
export async function hasLiveJob(name: JobName, singletonKey: string): Promise<boolean> {
  const boss = state.boss;
  if (!boss) {
    return state.unsent.some(
      (job) =>
        job.name === name &&
        (job.singletonKey ?? definitionOf(job.name).singletonKeyOf?.(job.data)) === singletonKey,
    );
  }
  const jobs = await boss.findJobs(name, { key: singletonKey });
  return jobs.some((job) => ["created", "retry", "active"].includes(job.state));
}

/** Runs a job's handler directly, without pg-boss (tests; the same code path as a worker). */
export async function runJobNow<N extends JobName>(
  name: N,
  data: JobPayloads[N],
  context: Partial<JobContext> = {},
): Promise<void> {
  await definitionOf(name).handle(data, {
    jobId: null,
    retryCount: 0,
    isLastAttempt: false,
    ...context,
  });
}

/** The jobs enqueued while no runner was started, removed from the holding list. */
export function takeUnsentJobs(): { name: JobName; data: object }[] {
  return state.unsent.splice(0).map(({ name, data }) => ({ name, data }));
}

/** Runs every held job directly, in order (tests without pg-boss). Returns how many ran. */
export async function runUnsentJobs(context: Partial<JobContext> = {}): Promise<number> {
  const jobs = takeUnsentJobs();
  for (const job of jobs) await runJobNow(job.name, job.data as never, context);
  return jobs.length;
}

function recoveryTools(name: JobName): RecoveryTools {
  const boss = state.boss;
  return {
    isSoleWorker: boss ? state.isSoleWorker : true,
    liveJobStates: async (keys) => {
      const states = new Map<string, "queued" | "active">();
      if (boss) {
        for (const key of keys) {
          const jobs = await boss.findJobs(name, { key });
          const live = jobs.find((job) => ["created", "retry", "active"].includes(job.state));
          if (live) states.set(key, live.state === "active" ? "active" : "queued");
        }
      } else {
        for (const job of state.unsent) {
          const key = job.singletonKey ?? definitionOf(job.name).singletonKeyOf?.(job.data);
          if (job.name === name && key && keys.includes(key)) states.set(key, "queued");
        }
      }
      return states;
    },
    cancelLiveJobs: async (keys) => {
      if (!boss) return;
      for (const key of keys) {
        const jobs = await boss.findJobs(name, { key });
        const live = jobs.filter((job) => ["created", "retry", "active"].includes(job.state));
        if (live.length > 0)
          await boss.cancel(
            name,
            live.map((job) => job.id),
          );
      }
    },
    enqueue: async (data, singletonKey) => {
      await enqueue(name, data as never, { singletonKey });
    },
  };
}

/**
 * Start-up recovery of every job kind: work a dead process left half-done goes back on the queue.
 * startJobs() runs it; tests call it directly (without pg-boss, the process counts as the only
 * worker and re-queued work waits in the holding list for runUnsentJobs()).
 */
export async function recoverJobs(): Promise<void> {
  for (const name of Object.keys(jobDefinitions) as JobName[]) {
    await definitionOf(name).recover?.(recoveryTools(name));
  }
}
