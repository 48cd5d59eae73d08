import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { connectionOf } from '../../main/app/db/open';
import { nameColumns } from '../../main/app/registers/table';
import { fictitiousClient } from './clients';
import { demoValues } from './casework';
import { seededRandom } from './random';

/**
 * Load-test data only: inserts `count` decisions straight into the table in one
 * transaction, bypassing the services and the audit log (but writing the name's search
 * and sort columns as the service does), to see how the lists behave
 * with a register the size of a large unit's. Never used for practice data.
 */
export function insertBulkDecisions(
  dataSource: DataSource,
  count: number,
  outage: { id: string; startsAt: string },
  author: { id: string; fullName: string; initials: string },
): void {
  const db = connectionOf(dataSource);
  const insert = db.prepare(
    `INSERT INTO decisions (id, outage_id, client_name, client_fold, client_sort, personnummer,
       reserve_identity, transcribed_from_paper, created_by_id, created_by_name, created_at,
       updated_at, purpose, case_worker, decision_maker, decision_date)
     VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const random = seededRandom(count);
  const start = Date.parse(outage.startsAt);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const client = fictitiousClient(random);
      const at = new Date(start + i * 1000);
      const values = demoValues('decisions', random, at, author);
      const names = nameColumns(client.name);
      insert.run(
        randomUUID(),
        outage.id,
        client.name,
        names.client_fold,
        names.client_sort,
        client.personnummer.replace('-', ''),
        author.id,
        author.fullName,
        at.toISOString(),
        at.toISOString(),
        values.purpose,
        values.caseWorker,
        values.decisionMaker,
        values.decisionDate,
      );
    }
  })();
}
