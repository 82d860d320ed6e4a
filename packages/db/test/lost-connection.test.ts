import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../src';
import { createTestDatabase, testDatabaseKind } from '../src/testing';

// PostgreSQL going away (a crash, a restart, a failover) must fail what was in flight, not
// the process: the crash runs (load-tests/crash.sh) found the node dying of an unhandled
// 'error' from a connection lost in the middle of a transaction.
describe.skipIf(testDatabaseKind !== 'postgres')('a connection lost mid-transaction', () => {
  it('fails that transaction, and the pool serves the next one', async () => {
    const handle = await createTestDatabase();
    try {
      const transaction = handle.db.transaction(async (tx) => {
        const [row] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
        // Another connection ends this one while the transaction waits between statements.
        await handle.db.execute(sql`select pg_terminate_backend(${row!.pid})`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.execute(sql`select 1`);
      });
      await expect(transaction).rejects.toThrow();
      await expect(handle.ping()).resolves.toBeUndefined();
    } finally {
      await handle.close();
    }
  });
});
