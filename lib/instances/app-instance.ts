import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { prisma } from "../db";

/**
 * This app process, as the database knows it. Several processes may serve one PostgreSQL database;
 * each registers a row and renews its heartbeat. Work a process owns in the database (STREAMING
 * answers) names its instance id, so a sweep in any process can tell a dead owner (no heartbeat for
 * INSTANCE_STALE_MS) from a live one, and never touches a live process's work.
 */
export const HEARTBEAT_INTERVAL_MS = 5_000;
/** Six missed heartbeats: long enough for a GC pause or a busy event loop, short for recovery. */
export const INSTANCE_STALE_MS = 30_000;

type InstanceState = { id: string; timer: NodeJS.Timeout | null; registered: Promise<void> | null };

// On globalThis: Next may load this module more than once per process (route bundles), and the
// process must keep one identity.
const holder = globalThis as unknown as { atelierInstance?: InstanceState };
holder.atelierInstance ??= { id: randomUUID(), timer: null, registered: null };
const state = holder.atelierInstance;

/** This process's instance id (stable for its lifetime). */
export function currentInstanceId(): string {
  return state.id;
}

async function beat(): Promise<void> {
  // An upsert, not an update: a sweep may have deleted a row that missed heartbeats (a long pause).
  await prisma.appInstance.upsert({
    where: { id: state.id },
    create: { id: state.id, hostname: os.hostname(), pid: process.pid },
    update: { heartbeatAt: new Date() },
  });
}

/** Registers this process and keeps its heartbeat going (start-up; idempotent). */
export function registerAppInstance(): Promise<void> {
  state.registered ??= (async () => {
    await beat();
    state.timer = setInterval(() => {
      beat().catch((error: unknown) =>
        console.error("[atelier] instance heartbeat failed:", (error as Error).message),
      );
    }, HEARTBEAT_INTERVAL_MS);
    state.timer.unref();
  })().catch((error) => {
    state.registered = null;
    throw error;
  });
  return state.registered;
}

/** Stops the heartbeat and removes the row (a clean shutdown: nothing of ours is streaming now). */
export async function deregisterAppInstance(): Promise<void> {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  state.registered = null;
  await prisma.appInstance.deleteMany({ where: { id: state.id } });
}

/**
 * Instances that are certainly gone: no heartbeat for INSTANCE_STALE_MS, or on this host with a
 * pid that no longer exists (a restart after `kill -9` need not wait for the heartbeat to age).
 */
export async function findDeadInstanceIds(now = new Date()): Promise<string[]> {
  const rows = await prisma.appInstance.findMany({
    where: { id: { not: state.id } },
    select: { id: true, hostname: true, pid: true, heartbeatAt: true },
  });
  const host = os.hostname();
  return rows
    .filter(
      (row) =>
        now.getTime() - row.heartbeatAt.getTime() > INSTANCE_STALE_MS ||
        (row.hostname === host && !isProcessAlive(row.pid)),
    )
    .map((row) => row.id);
}

/** Forgets instance rows that are gone (after their work was recovered). */
export async function forgetInstances(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await prisma.appInstance.deleteMany({ where: { id: { in: ids } } });
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
