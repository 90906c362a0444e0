import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

type TransactionFn = PGlite["transaction"];
type Transaction = { commit(): Promise<unknown> };
type AdapterInternals = {
  startTransactionInner(
    conn: { transaction: TransactionFn },
    options: unknown,
  ): Promise<Transaction>;
};

/**
 * pglite-prisma-adapter, with commit failures reported. The adapter (0.7.2) ends its
 * `PGlite.transaction()` promise with a `.catch` that swallows the error, so a COMMIT that
 * PostgreSQL refused (a deferred constraint such as the ledger's balance check, a serialization
 * failure) looked committed to Prisma while nothing was written. Here each transaction's commit
 * also awaits PGlite's own promise, which rejects when the COMMIT failed.
 */
export function pgliteAdapter(pglite: PGlite): PrismaPGlite {
  const factory = new PrismaPGlite(pglite);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const internals = adapter as unknown as AdapterInternals;
    const startInner = internals.startTransactionInner.bind(adapter);
    internals.startTransactionInner = async (conn, options) => {
      let outcome: Promise<unknown> | undefined;
      const recordingConn = {
        transaction: ((callback) => {
          outcome = conn.transaction(callback);
          return outcome;
        }) as TransactionFn,
      };
      const transaction = await startInner(recordingConn, options);
      const commit = transaction.commit.bind(transaction);
      transaction.commit = async () => {
        const result = await commit();
        await outcome;
        return result;
      };
      return transaction;
    };
    return adapter;
  };
  return factory;
}
