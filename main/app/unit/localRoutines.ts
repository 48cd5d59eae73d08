import type { DataSource } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import {
  emptyLocalRoutines,
  localRoutinesSchema,
  type LocalRoutines,
} from '../../../shared/localRoutines';
import { recordAudit } from '../audit/auditLog';
import { UnitEntity } from '../db/entities/unitRecord';
import { getUnit } from './unitService';

/**
 * The unit's checklist for planned outages and its fault contacts, one JSON document on
 * the unit's row: it is always read and written whole, and printed for the binder.
 */
export async function getLocalRoutines(dataSource: DataSource): Promise<LocalRoutines> {
  return parseRoutines((await getUnit(dataSource)).localRoutinesJson);
}

export function updateLocalRoutines(
  dataSource: DataSource,
  actor: SessionUser,
  routines: LocalRoutines,
  now: Date,
): Promise<LocalRoutines> {
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(UnitEntity);
    const unit = await repository.findOneByOrFail({ id: 1 });
    const before = parseRoutines(unit.localRoutinesJson);
    await repository.update(
      { id: 1 },
      { localRoutinesJson: JSON.stringify(routines), updatedAt: now.toISOString() },
    );
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'localRoutines.update',
      entity: 'unit',
      entityId: '1',
      before,
      after: routines,
    });
    return routines;
  });
}

/** Stored by this app, but checked like input: a bad document shows as the empty one. */
function parseRoutines(json: string | null): LocalRoutines {
  if (json === null) return emptyLocalRoutines;
  const parsed = localRoutinesSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : emptyLocalRoutines;
}
