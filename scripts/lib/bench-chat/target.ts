import pg from "pg";
import { openDatabase } from "../../../lib/db/open";
import type { FakeStats } from "../../../tests/fixtures/fake-openai/stats";
import type { BenchDatabase } from "../bench-store/databases";
import { type AppProcess, startApp } from "./app-process";
import { countRows, type RowCounts, type Sql, subtractCounts } from "./bench-sql";
import type { FakeProcess } from "./fake-process";
import { waitUntilQuiet } from "./settle";

/** Rows and upstream answers a phase produced, read once its work was over. */
export type PhaseCounts = {
  /** Chat completion requests the upstream received for Atelier in the phase. */
  answersStarted: number;
  rows: RowCounts;
  isEqual: boolean;
  settleMs: number;
  isQuiet: boolean;
  /** Turns made after an embedded restart, counted in this phase's figures (all three). */
  warmupTurns: number;
  note: string | null;
};

type Baseline = { fake: FakeStats; rows: RowCounts; warmupTurns: number };

/**
 * The database and the app server of one pass. PostgreSQL is read while the server runs; the
 * embedded PGlite directory has one owner at a time, so to count, the server is stopped, the
 * directory opened here (lib/db/open.ts), read, closed, and the server started again.
 */
export class BenchTarget {
  app: AppProcess | null = null;
  private pool: pg.Pool | null = null;
  private baseline: Baseline | null = null;

  constructor(
    readonly database: BenchDatabase,
    private readonly options: {
      appRoot: string;
      env: Record<string, string>;
      logFile: string;
      cpuProfDir: string | null;
      fake: FakeProcess;
      /** What a phase counts (default: every channel); bench:api counts channel API only. */
      countRows?: (sql: Sql) => Promise<RowCounts>;
    },
  ) {}

  private get count(): (sql: Sql) => Promise<RowCounts> {
    return this.options.countRows ?? countRows;
  }

  get isEmbedded(): boolean {
    return this.database.short === "PGlite";
  }

  async start(note: string): Promise<AppProcess> {
    this.app = await startApp({ ...this.options, note });
    return this.app;
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    this.app = null;
  }

  /** Runs `work` with SQL access: live for PostgreSQL; for PGlite only while the server is down. */
  async withSql<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    if (!this.isEmbedded) {
      this.pool ??= new pg.Pool({ connectionString: this.database.serverEnv.DATABASE_URL, max: 2 });
      const pool = this.pool;
      return work({ query: async (text, params) => (await pool.query(text, params)).rows });
    }
    if (this.app) throw new Error("the embedded database is owned by the running server");
    const db = openDatabase({ kind: "embedded", dataDir: this.database.serverEnv.DATA_DIR });
    try {
      return await work(db.sql);
    } finally {
      await db.close();
    }
  }

  /** Counts before the first phase (embedded: call it while the server is stopped). */
  async recordBaseline(): Promise<void> {
    this.baseline = await this.countNow();
  }

  /** Where a phase's counts start from: now, or (embedded) where the last count left off. */
  async openWindow(): Promise<Baseline> {
    if (this.isEmbedded) {
      if (!this.baseline) throw new Error("recordBaseline() first, while the server is stopped");
      return this.baseline;
    }
    return this.countNow();
  }

  private async countNow(): Promise<Baseline> {
    return {
      fake: await this.options.fake.stats(),
      rows: await this.withSql(this.count),
      warmupTurns: 0,
    };
  }

  /**
   * Waits for the phase's work to be over and counts what it produced. Embedded: stops the server
   * to count, then (unless `isLast`) starts it again and runs `warmUp` (its turns are counted in
   * the next phase, and said so).
   */
  async closeWindow(
    window: Baseline,
    options: { directRequests?: number; isLast?: boolean; warmUp?: () => Promise<number> },
  ): Promise<PhaseCounts> {
    const app = this.app!;
    const quiet = await waitUntilQuiet({
      fakeStats: this.options.fake.stats,
      serverPid: app.pid,
      sql: this.isEmbedded ? null : await this.liveSql(),
    });
    const fake = await this.options.fake.stats();
    let note: string | null = null;
    if (this.isEmbedded) {
      await this.stop();
      note = "server stopped to count";
    }
    const rows = await this.withSql(this.count);
    const delta = subtractCounts(rows, window.rows);
    const answersStarted = fake.received - window.fake.received - (options.directRequests ?? 0);
    if (this.isEmbedded && !options.isLast) {
      await this.start("restarted after counting");
      const warmupTurns = options.warmUp ? await options.warmUp() : 0;
      this.baseline = { fake, rows, warmupTurns };
    }
    return {
      answersStarted,
      rows: delta,
      isEqual: answersStarted === delta.saved && delta.saved === delta.usageEvents,
      settleMs: quiet.waitedMs,
      isQuiet: quiet.isQuiet,
      warmupTurns: window.warmupTurns,
      note,
    };
  }

  private async liveSql(): Promise<Sql> {
    return this.withSql(async (sql) => sql);
  }

  async close(): Promise<void> {
    await this.stop();
    await this.pool?.end().catch(() => {});
    this.pool = null;
  }
}
