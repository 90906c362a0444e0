import type { Queue } from "pg-boss";

/** What a handler knows about the run it is in. */
export type JobContext = {
  /** pg-boss job id; null when the handler is run directly (tests, inline drain). */
  jobId: string | null;
  /** 0 on the first delivery; pg-boss increments it on every retry (after a throw or an expiry). */
  retryCount: number;
  /** No retry follows if this run throws: the handler should record a final outcome. */
  isLastAttempt: boolean;
};

/** Tools a definition's start-up recovery gets (see JobDefinition.recover). */
export type RecoveryTools = {
  /**
   * True when this process is the only one that can be running jobs (embedded PGlite: one process
   * owns the database), so anything marked in-flight belongs to a process that died.
   */
  isSoleWorker: boolean;
  /** The state of the live (not finished) job for each singleton key, if there is one. */
  liveJobStates: (keys: string[]) => Promise<Map<string, "queued" | "active">>;
  /** Cancels the live jobs of these keys (orphans of a dead process), so they can be re-sent. */
  cancelLiveJobs: (keys: string[]) => Promise<void>;
  /** Sends a job (same as enqueue). */
  enqueue: (data: object, singletonKey: string) => Promise<void>;
};

export type JobDefinition<TData extends object> = {
  name: string;
  /** Queue settings: retries, backoff, expiry, policy. */
  queue: Omit<Queue, "name">;
  /** Builds the singleton key of a payload: one live job per key. */
  singletonKeyOf?: (data: TData) => string;
  handle: (data: TData, context: JobContext) => Promise<void>;
  /**
   * A recurring job: pg-boss sends `{}` on this cron (UTC, stored in its schedule table, so several
   * instances share one schedule), and once at start-up when `runAtStart`.
   */
  schedule?: { cron: string; runAtStart?: boolean };
  /** Runs at startJobs(): put work a dead process left half-done back on the queue. */
  recover?: (tools: RecoveryTools) => Promise<void>;
};
