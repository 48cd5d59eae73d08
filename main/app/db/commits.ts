import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';

const counts = new WeakMap<DataSource, number>();

/**
 * Counts the transactions each database has committed, so the router can tell a failure
 * before anything was saved from one after: only the first may say "Ingenting sparades".
 */
export class CommitCounter implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint released inside a transaction is not a commit; the outer one is.
    if (event.queryRunner.isTransactionActive) return;
    counts.set(event.dataSource, (counts.get(event.dataSource) ?? 0) + 1);
  }
}

export function commitCount(dataSource: DataSource | null): number {
  return dataSource ? (counts.get(dataSource) ?? 0) : 0;
}
