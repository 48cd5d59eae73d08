import type { DataSource, EntityManager } from 'typeorm';
import { formatAmount } from '../../../shared/money';
import { formatDateTime } from '../../../shared/time';
import {
  transferTableLabels,
  type MergeCounts,
  type TransferFileInfo,
  type TransferSummary,
} from '../../../shared/transfer';
import { recordAudit } from '../audit/auditLog';
import { entryContent, raiseHead, type ChainContent } from '../audit/chain';
import { absentRanges, type ChainRow, type LeftBehind } from '../audit/verifyChain';
import { connectionOf } from '../db/open';
import { getThisDevice } from '../devices/deviceService';
import { cashCardAccount } from '../payouts/cashCardAccount';
import { recomputeDeadlines } from '../registers/deadlines';
import type { Row } from '../registers/table';
import { getUnit } from '../unit/unitService';
import { openTransferFile, type OpenedFile } from './container';
import { fileErrors } from './errors';
import type { TransferManifest } from './manifest';
import { mergeTable, type MergeRun } from './merge';
import { auditTable, devicesTable, mergedTables, transferFileTables } from './tables';
import type { FileCall } from './origin';
import { transferFileInfo } from './writeTransferFile';

/**
 * What a transfer file says, checked as an import would check it (intact, this unit's, not
 * made here), without reading anything in: to show before the enhetschef confirms.
 */
export async function inspectTransferFile(
  dataSource: DataSource,
  path: string,
  passphrase: string,
): Promise<TransferFileInfo> {
  const file = await openForImport(dataSource, path, passphrase);
  file.close();
  return transferFileInfo(file.manifest);
}

/**
 * On the office PC: reads a transfer file in, in one transaction. The file is refused, with
 * nothing read in, unless it opens with `passphrase` (the unit passphrase it was made with),
 * is intact, of a format this version reads, from this unit and from another computer.
 * Records keep their authors, times, device, voids and entry marks; see merge.ts for what
 * happens to rows already here. The laptop's audit entries are added, marked with the device
 * they were written on (once each, however often the file is read in), and the import itself
 * is audited with its summary.
 */
export async function importTransferFile(
  dataSource: DataSource,
  { actor, now }: FileCall,
  path: string,
  passphrase: string,
  /** Tables read in so far, of how many. */
  onProgress?: (done: number, total: number) => void,
): Promise<TransferSummary> {
  const file = await openForImport(dataSource, path, passphrase);
  try {
    const { manifest } = file;
    const warnings = await earlierImports(dataSource, manifest.fileId);
    const run: MergeRun = {
      db: connectionOf(dataSource),
      source: { id: manifest.deviceId, name: manifest.deviceName },
      fileId: manifest.fileId,
      actor,
      now,
      aliases: new Map(),
      touchedOutages: new Set(),
      mappedOutages: [],
      events: [],
    };
    return await dataSource.transaction(async (manager) => {
      warnings.push(...mergeDevices(run, file));
      for (const { alias_id, outage_id } of run.db
        .prepare('SELECT alias_id, outage_id FROM outage_aliases')
        .all() as { alias_id: string; outage_id: string }[]) {
        run.aliases.set(alias_id, outage_id);
      }
      const tables: TransferSummary['tables'] = [];
      for (const [done, table] of mergedTables.entries()) {
        onProgress?.(done, mergedTables.length + 1);
        // A breath between tables: the window stays responsive and can ask how far it is.
        await new Promise((resolve) => setImmediate(resolve));
        tables.push({
          table: table.key,
          label: transferTableLabels[table.key],
          ...mergeTable(run, table, file.rows(table) as Iterable<Row>),
        });
      }
      onProgress?.(mergedTables.length, mergedTables.length + 1);
      const audit = mergeAudit(run, file);
      tables.push({ table: 'auditLog', label: transferTableLabels.auditLog, ...audit.counts });
      await countDeadlinesAgain(manager, run.touchedOutages);
      warnings.push(...(await limitWarnings(manager)));
      const summary: TransferSummary = {
        file: transferFileInfo(manifest),
        importedAt: now.toISOString(),
        importedByName: actor.fullName,
        tables,
        mappedOutages: run.mappedOutages,
        warnings,
      };
      for (const event of run.events) await recordAudit(manager, event);
      await recordAudit(manager, {
        actor,
        at: now,
        action: 'transfer.import',
        entity: 'transfer',
        entityId: manifest.fileId,
        after: {
          deviceId: manifest.deviceId,
          deviceName: manifest.deviceName,
          createdAt: manifest.createdAt,
          createdByName: manifest.createdByName,
          scope: manifest.scope,
          tables: summary.tables,
          mappedOutages: summary.mappedOutages,
          warnings,
          auditChains: audit.chains,
        },
      });
      return summary;
    });
  } finally {
    file.close();
  }
}

async function openForImport(
  dataSource: DataSource,
  path: string,
  passphrase: string,
): Promise<OpenedFile<TransferManifest>> {
  const unit = await getUnit(dataSource);
  const device = await getThisDevice(dataSource);
  const file = openTransferFile(path, passphrase, transferFileTables);
  try {
    if (file.manifest.unitId !== unit.uid) throw fileErrors.otherUnit(file.manifest.unitName);
    if (file.manifest.deviceId === device.id) throw fileErrors.sameDevice();
    return file;
  } catch (error) {
    file.close();
    throw error;
  }
}

/**
 * The devices the file knows: the laptop itself (named as it is named now) and any it knows
 * of. Two laptops prepared with the same setup file print the same serials: say so.
 */
function mergeDevices(run: MergeRun, file: OpenedFile<TransferManifest>): string[] {
  const here = run.db.prepare('SELECT id FROM devices WHERE is_this = 1').get() as { id: string };
  const find = run.db.prepare('SELECT name FROM devices WHERE id = ?');
  const rename = run.db.prepare('UPDATE devices SET name = ? WHERE id = ?');
  const insert = run.db.prepare(
    `INSERT INTO devices (id, name, kind, serial_first, serial_last, setup_file_id, created_at)
     VALUES (@id, @name, @kind, @serial_first, @serial_last, @setup_file_id, @created_at)`,
  );
  let sourceFound = false;
  for (const device of file.rows(devicesTable)) {
    sourceFound ||= device.id === run.source.id;
    if (device.id === here.id) continue;
    const known = find.get(device.id) as { name: string } | undefined;
    if (!known) insert.run(device);
    else if (device.id === run.source.id && known.name !== device.name) {
      rename.run(device.name, device.id);
    }
  }
  if (!sourceFound) throw fileErrors.damaged();
  run.db
    .prepare('UPDATE devices SET last_import_at = ? WHERE id = ?')
    .run(run.now.toISOString(), run.source.id);
  const twins = run.db
    .prepare(
      `SELECT name FROM devices
        WHERE setup_file_id = (SELECT setup_file_id FROM devices WHERE id = @id) AND id != @id`,
    )
    .all({ id: run.source.id }) as { name: string }[];
  return twins.map(
    (twin) =>
      `${run.source.name} och ${twin.name} har förberetts med samma installationsfil och skriver ` +
      'ut samma referensnummer. Förbered den ena på nytt med en ny installationsfil.',
  );
}

/**
 * The laptop's audit entries, after every row they speak of: each added once, identified by
 * the device that wrote it and its id there, in the order they were written there, with
 * their chain as that device wrote it (main/app/audit/chain.ts). Each device's chain head
 * here is raised to the last entry the file has of it; what the file left behind (a file of
 * one outage leaves the entries about others on the laptop) is returned per device, for
 * the import's own entry, so the check tells those gaps from a removal here.
 */
function mergeAudit(
  run: MergeRun,
  file: OpenedFile<TransferManifest>,
): { counts: MergeCounts; chains: LeftBehind[] } {
  const counts: MergeCounts = { added: 0, skipped: 0, updated: 0, conflicts: 0 };
  const existing = run.db.prepare(
    `SELECT id, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json,
            device_id, chain_seq, prev_hash, hash
       FROM audit_log WHERE device_id = ? AND origin_id = ?`,
  );
  const adoptChain = run.db.prepare(
    'UPDATE audit_log SET chain_seq = ?, prev_hash = ?, hash = ? WHERE id = ?',
  );
  const insert = run.db.prepare(
    `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, before_json,
       after_json, device_id, origin_id, chain_seq, prev_hash, hash)
     VALUES (@at, @actor_id, @actor_name, @action, @entity, @entity_id, @before_json,
       @after_json, @device_id, @origin_id, @chain_seq, @prev_hash, @hash)`,
  );
  const thisDevice = (
    run.db.prepare('SELECT id FROM devices WHERE is_this = 1').get() as { id: string } | undefined
  )?.id;
  const lastOf = new Map<string, { seq: number; hash: string }>();
  for (const { seq: _, ...entry } of file.rows(auditTable)) {
    if (entry.device_id === null || entry.origin_id === null) throw fileErrors.damaged();
    const device = String(entry.device_id);
    if (
      device !== thisDevice &&
      typeof entry.chain_seq === 'number' &&
      typeof entry.hash === 'string'
    ) {
      const last = lastOf.get(device);
      if (!last || entry.chain_seq > last.seq)
        lastOf.set(device, { seq: entry.chain_seq, hash: entry.hash });
    }
    const here = existing.get(entry.device_id, entry.origin_id) as ChainRow | undefined;
    if (here) {
      // Read in before this version chained the log, the office chained the laptop's entries
      // it had then on its own (migration 0012); the laptop's own chain replaces that, for an
      // entry whose content is the same. A changed one keeps what it has: the check says so.
      const sameContent = entryContent(here) === entryContent(entry as unknown as ChainContent);
      if (sameContent && here.hash !== entry.hash) {
        adoptChain.run(entry.chain_seq, entry.prev_hash, entry.hash, here.id);
      }
      counts.skipped++;
      continue;
    }
    try {
      insert.run(entry);
    } catch (error) {
      if (String((error as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) {
        throw fileErrors.damaged();
      }
      throw error;
    }
    counts.added++;
  }
  const present = run.db
    .prepare(
      'SELECT chain_seq FROM audit_log WHERE device_id = ? AND chain_seq <= ? ORDER BY chain_seq',
    )
    .pluck();
  const chains: LeftBehind[] = [];
  for (const [device, last] of lastOf) {
    raiseHead(run.db, device, last.seq, last.hash);
    chains.push({
      deviceId: device,
      ranges: absentRanges(present.all(device, last.seq) as number[], last.seq),
    });
  }
  return { counts, chains };
}

/** Deadlines count from the end of the outage as the office has it. */
async function countDeadlinesAgain(manager: EntityManager, outages: Set<string>): Promise<void> {
  for (const id of outages) {
    const [outage] = (await manager.query('SELECT ends_at FROM outages WHERE id = ?', [id])) as {
      ends_at: string | null;
    }[];
    if (outage) await recomputeDeadlines(manager, id, outage.ends_at);
  }
}

/** The laptop's payouts count towards the same card: the limit may now be passed. */
async function limitWarnings(manager: EntityManager): Promise<string[]> {
  const account = await cashCardAccount(manager);
  if (account.level !== 'over') return [];
  return [
    `Utbetalningarna sedan förra avstämningen är nu ${formatAmount(account.periodTotalOre)}, ` +
      `över gränsen ${formatAmount(account.limitOre)}. Gör en avstämning med ekonomienheten.`,
  ];
}

async function earlierImports(dataSource: DataSource, fileId: string): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT at, actor_name FROM audit_log
      WHERE entity = 'transfer' AND entity_id = ? AND action = 'transfer.import' ORDER BY id`,
    [fileId],
  )) as { at: string; actor_name: string | null }[];
  return rows.map(
    (row) =>
      `Filen har lästs in förut, ${formatDateTime(row.at)} av ${row.actor_name ?? 'okänd'}. ` +
      'Det som redan fanns här har inte lästs in igen.',
  );
}
