import "server-only";
import { database } from "../db";
import type { Prisma } from "../generated/prisma/client";

/**
 * Runs a raw statement on the driver under Prisma (pg's pool, or PGlite), for the few statements
 * every chat message runs (the write-ahead, the final write, checkpoints). Measured on 2 cores, a
 * raw statement through Prisma cost ~0.6 ms of CPU against ~0.1 ms on the driver, and the chat
 * runs three of them per message (`npm run bench:chat`, CPU profile). Same SQL, same parameters
 * ($1…, from Prisma.sql), same connections; everything else keeps using Prisma.
 */
export async function hotQuery<T extends Record<string, unknown>>(sql: Prisma.Sql): Promise<T[]> {
  const db = database();
  if (db.pool) return (await db.pool.query<T>(sql.text, sql.values as unknown[])).rows;
  if (!db.pglite) throw new Error("No database driver is open.");
  return (await db.pglite.query<T>(sql.text, sql.values as unknown[])).rows;
}
