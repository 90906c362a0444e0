import "server-only";
import type { PgBoss } from "pg-boss";
import { jobDefinitions } from "./definitions";
import type { JobName } from "./queues";

/**
 * Registers the cron of every recurring job (idempotent: pg-boss upserts by name) and queues the
 * start-up run of those that ask for one. The queue policy keeps a start-up run and a cron tick
 * that come together from running twice.
 */
export async function scheduleRecurringJobs(boss: PgBoss): Promise<void> {
  for (const name of Object.keys(jobDefinitions) as JobName[]) {
    const schedule = jobDefinitions[name].schedule;
    if (!schedule) continue;
    await boss.schedule(name, schedule.cron, {}, { tz: "UTC" });
    if (schedule.runAtStart) await boss.send(name, {});
  }
}
