import type { EntityManager } from 'typeorm';
import { registers, type RegisterDefinition } from '../../../shared/registers';
import { entryDeadline, type Law } from '../domain/deadlines';
import { localDate } from '../../../shared/time';
import { tableOf } from './table';

/** The entry deadline of a record, or null while its outage is still going on. */
export function deadlineFor(
  definition: RegisterDefinition,
  values: Record<string, unknown>,
  outageEndsAt: string | null,
): string | null {
  if (!definition.hasDeadline || !outageEndsAt) return null;
  return entryDeadline(values.law as Law, localDate(outageEndsAt));
}

/**
 * When an outage ends (or its end is corrected), the deadlines of its records are counted
 * from the new end, in the same transaction as the end itself.
 */
export async function recomputeDeadlines(
  manager: EntityManager,
  outageId: string,
  outageEndsAt: string | null,
): Promise<void> {
  for (const definition of Object.values(registers)) {
    if (!definition.hasDeadline) continue;
    const end = outageEndsAt ? localDate(outageEndsAt) : null;
    await manager.query(
      `UPDATE ${tableOf(definition)}
         SET deadline = CASE law WHEN 'HSL' THEN ? ELSE ? END
       WHERE outage_id = ?`,
      [end && entryDeadline('HSL', end), end && entryDeadline('SoL', end), outageId],
    );
  }
}
