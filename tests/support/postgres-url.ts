import type { Database } from "@/lib/db/open";

/** The connection URL of a PostgreSQL Database (for app processes started on the same database). */
export function postgresUrlOf(db: Database): string {
  const options = db.pool?.options;
  if (!options) throw new Error("not a PostgreSQL database");
  const url = new URL("postgresql://localhost");
  url.hostname = String(options.host ?? "localhost");
  url.port = String(options.port ?? 5432);
  url.username = encodeURIComponent(String(options.user ?? "postgres"));
  url.password = encodeURIComponent(String(options.password ?? ""));
  url.pathname = `/${options.database}`;
  return url.toString();
}
