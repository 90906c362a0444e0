import "server-only";
import { createHash } from "node:crypto";
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
  if (db.pool) {
    const query = {
      name: statementName(sql.text),
      text: sql.text,
      values: sql.values as unknown[],
    };
    return (await db.pool.query<T>(query)).rows;
  }
  if (!db.pglite) throw new Error("No database driver is open.");
  return (await db.pglite.query<T>(sql.text, sql.values as unknown[])).rows;
}

/**
 * A named (prepared) statement per distinct SQL text: PostgreSQL parses and plans it once per
 * connection instead of on every message. These statements are a handful of shapes (new chat or
 * not, with or without a spend step), so the names stay few. PgBouncer in transaction mode needs
 * 1.21+ with max_prepared_statements set, as for any client that prepares statements.
 */
const statementNames = new Map<string, string>();

/** Past this many shapes something inlines values into the text: stop preparing new ones. */
const MAX_STATEMENT_NAMES = 200;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name) {
    if (statementNames.size >= MAX_STATEMENT_NAMES) return undefined;
    name = `atelier_hot_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}
