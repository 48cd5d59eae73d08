import type { DataSource } from 'typeorm';
import { formatAmount } from '../../../shared/money';
import type { RegisterDefinition } from '../../../shared/registers';
import { recordChanges } from '../../../shared/registers/changes';
import type { HistoryEntry, RegisterRecord } from '../../../shared/registers/schemas';
import { AppError } from '../../../shared/result';
import { listAuditOf } from '../audit/auditLog';
import { tableOf } from './table';

type Snapshot = RegisterRecord & { reason?: string };

/**
 * A record's own history, read from the audit log: created, changed (field by field, with
 * the register's labels and values as the list shows them), entered, unmarked, voided.
 */
export async function recordHistory(
  dataSource: DataSource,
  definition: RegisterDefinition,
  id: string,
): Promise<HistoryEntry[]> {
  const [exists] = (await dataSource.query(`SELECT 1 FROM ${tableOf(definition)} WHERE id = ?`, [
    id,
  ])) as unknown[];
  if (!exists) throw new AppError('NOT_FOUND', 'Posten finns inte.');
  const entries = await listAuditOf(dataSource, definition.key, id);
  return entries.flatMap((entry): HistoryEntry[] => {
    const before = entry.before as Snapshot | null;
    const after = entry.after as Snapshot | null;
    const line = (
      kind: HistoryEntry['kind'],
      summary: string,
      changes: HistoryEntry['changes'] = [],
    ) => [{ at: entry.at, actorName: entry.actorName, kind, summary, changes }];
    if (entry.action === 'transfer.update' || entry.action === 'transfer.conflict') {
      return transferLine(definition, entry.action, before, after, line);
    }
    switch (entry.action.slice(definition.key.length + 1)) {
      case 'create':
        return line(
          'created',
          after?.transcribedFromPaper
            ? 'Registrerad – efterregistrerad från papper'
            : 'Registrerad',
        );
      case 'update': {
        if (!before || !after) return [];
        const changes = recordChanges(definition, before, after);
        if (before.enteredOn && !after.enteredOn) {
          return line('changedAfterEntry', 'Ändrad efter införing – ska föras in igen', changes);
        }
        // Changed back to what was entered: the entry mark it had is back.
        if (before.changedAfterEntry && !after.changedAfterEntry && after.enteredOn) {
          return line(
            'changed',
            `Ändrad tillbaka – åter markerad som införd ${after.enteredOn} ` +
              `(${after.enteredByInitials ?? ''})`,
            changes,
          );
        }
        return line('changed', 'Ändrad', changes);
      }
      case 'markEntered':
        return line(
          'entered',
          `Markerad som införd ${after?.enteredOn ?? ''} (${after?.enteredByInitials ?? ''})`,
        );
      case 'unmarkEntered':
        return line('unmarked', `Markeringen som införd togs bort: ${after?.reason ?? ''}`);
      case 'void':
        return line('voided', `Makulerad: ${after?.voidReason ?? ''}`);
      case 'overLimit': {
        const over = entry.after as { newTotalOre: number; limitOre: number; reason: string };
        return line(
          'overLimit',
          `Utbetald över gränsen: totalen blev ${formatAmount(over.newTotalOre)} ` +
            `(gräns ${formatAmount(over.limitOre)}). Skäl: ${over.reason}`,
        );
      }
      default:
        return [];
    }
  });
}

type Line = (
  kind: HistoryEntry['kind'],
  summary: string,
  changes?: HistoryEntry['changes'],
) => HistoryEntry[];

/**
 * A transfer file changed the record, or brought a change that was set aside because the
 * one here was later (transfer/merge.ts): `after` is the record as it stands, `before` the
 * other version. The changes read from what was to what came in.
 */
function transferLine(
  definition: RegisterDefinition,
  action: 'transfer.update' | 'transfer.conflict',
  before: Snapshot | null,
  after: Snapshot | null,
  line: Line,
): HistoryEntry[] {
  if (!before || !after) return [];
  const device = (after as { transfer?: { deviceName?: string } }).transfer?.deviceName ?? '';
  return action === 'transfer.update'
    ? line(
        'changed',
        `Ändrad på ${device}, inläst från överföringsfil: den ändringen var senare`,
        recordChanges(definition, before, after),
      )
    : line(
        'changed',
        `Ändring på ${device} lästes inte in: ändringen här var senare`,
        recordChanges(definition, after, before),
      );
}
