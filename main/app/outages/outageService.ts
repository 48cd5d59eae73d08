import type { AuditAction } from '../../../shared/audit/actions';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import {
  ANALYSIS_THRESHOLD_HOURS,
  type Outage,
  type OutageLevel,
  type MaintenanceWindowView,
} from '../../../shared/outages';
import { AppError } from '../../../shared/result';
import { changeAudited } from '../audit/auditedChange';
import { recordAudit } from '../audit/auditLog';
import { OutageEntity, type OutageKind, type OutageRecord } from '../db/entities/outageRecord';
import { isBefore, localDate, localTime } from '../../../shared/time';
import { upcomingPatchWednesdays } from '../domain/maintenanceWindows';
import { recomputeDeadlines } from '../registers/deadlines';

export function toOutage(record: OutageRecord, now: Date): Outage {
  const start = Date.parse(record.startsAt);
  const end = record.endsAt ? Date.parse(record.endsAt) : null;
  const at = now.getTime();
  const status = start > at ? 'planned' : end !== null && end <= at ? 'ended' : 'active';
  const durationMinutes =
    status === 'planned'
      ? 0
      : Math.floor(((end !== null ? Math.min(end, at) : at) - start) / 60_000);
  return {
    id: record.id,
    kind: record.kind,
    level: record.level,
    affectedSystems: JSON.parse(record.affectedSystems) as string[],
    note: record.note,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    status,
    durationMinutes,
    needsAnalysis: durationMinutes > ANALYSIS_THRESHOLD_HOURS * 60,
    analysisDoneOn: record.analysisDoneOn,
    analysisByName: record.analysisByName,
    endedByName: record.endedByName,
    endNote: record.endNote,
    createdById: record.createdById,
  };
}

export async function listOutages(dataSource: DataSource, now: Date): Promise<Outage[]> {
  const records = await dataSource
    .getRepository(OutageEntity)
    .find({ order: { startsAt: 'DESC' } });
  return records.map((record) => toOutage(record, now));
}

/** The outage going on at `now`, to which new records belong. */
export async function findActiveOutage(
  manager: DataSource | EntityManager,
  now: Date,
): Promise<OutageRecord | null> {
  const at = now.toISOString();
  return manager
    .getRepository(OutageEntity)
    .createQueryBuilder('o')
    .where('o.startsAt <= :at AND (o.endsAt IS NULL OR o.endsAt > :at)', { at })
    .orderBy('o.startsAt', 'DESC')
    .getOne();
}

interface NewOutage {
  kind: OutageKind;
  level: OutageLevel;
  affectedSystems: string[];
  note: string;
  startsAt: string;
  endsAt: string | null;
}

export async function createOutage(
  dataSource: DataSource,
  actor: SessionUser,
  input: NewOutage,
  now: Date,
): Promise<Outage> {
  if (input.kind === 'unplanned' && Date.parse(input.startsAt) > now.getTime()) {
    throw AppError.field('VALIDATION', 'startedAt', 'Starttiden kan inte ligga i framtiden.');
  }
  return dataSource.transaction(async (manager) => {
    await refuseOverlap(manager, input.startsAt, input.endsAt, null);
    const at = now.toISOString();
    const record: OutageRecord = {
      id: randomUUID(),
      kind: input.kind,
      level: input.level,
      affectedSystems: JSON.stringify(input.affectedSystems),
      note: input.note,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      analysisDoneOn: null,
      analysisById: null,
      analysisByName: null,
      endedById: null,
      endedByName: null,
      endNote: '',
      createdById: actor.id,
      createdAt: at,
      updatedAt: at,
    };
    await manager.insert(OutageEntity, record);
    const outage = toOutage(record, now);
    await recordAudit(manager, {
      actor,
      at: now,
      action: input.kind === 'planned' ? 'outage.plan' : 'outage.start',
      entity: 'outage',
      entityId: record.id,
      after: outage,
    });
    return outage;
  });
}

/**
 * Ending an outage sets every journal note's deadline, so it is the enhetschef's or the
 * person's who started it; anyone else is refused, and the attempt is kept in the log.
 */
export async function endOutage(
  dataSource: DataSource,
  actor: SessionUser,
  id: string,
  { endedAt, note }: { endedAt: string; note: string },
  now: Date,
): Promise<Outage> {
  const outage = await dataSource.getRepository(OutageEntity).findOneBy({ id });
  if (outage && actor.role !== 'unitManager' && outage.createdById !== actor.id) {
    await dataSource.transaction((manager) =>
      recordAudit(manager, {
        actor,
        at: now,
        action: 'access.denied',
        entity: 'outage',
        entityId: id,
        after: { action: 'outage.end' },
      }),
    );
    throw new AppError(
      'FORBIDDEN',
      'Avbrottet avslutas av enhetschefen eller den som registrerade det. Kontakta enhetschefen.',
    );
  }
  return changeOutage(dataSource, actor, id, 'outage.end', now, (before) => {
    if (before.endsAt && Date.parse(before.endsAt) <= now.getTime()) {
      throw new AppError('CONFLICT', 'Avbrottet är redan avslutat.');
    }
    if (!isBefore(before.startsAt, endedAt)) {
      throw AppError.field('VALIDATION', 'endedAt', 'Sluttiden måste vara efter starttiden.');
    }
    if (Date.parse(endedAt) > now.getTime()) {
      throw AppError.field('VALIDATION', 'endedAt', 'Sluttiden kan inte ligga i framtiden.');
    }
    return { endsAt: endedAt, endedById: actor.id, endedByName: actor.fullName, endNote: note };
  });
}

export function recordAnalysis(
  dataSource: DataSource,
  actor: SessionUser,
  id: string,
  doneOn: string,
  now: Date,
): Promise<Outage> {
  return changeOutage(dataSource, actor, id, 'outage.analysis', now, (before) => {
    if (!toOutage(before, now).needsAnalysis) {
      throw new AppError(
        'CONFLICT',
        `Avbrottet har inte pågått mer än ${ANALYSIS_THRESHOLD_HOURS} timmar och kräver ingen analys.`,
      );
    }
    if (doneOn > localDate(now)) {
      throw AppError.field('VALIDATION', 'doneOn', 'Datumet kan inte ligga i framtiden.');
    }
    return { analysisDoneOn: doneOn, analysisById: actor.id, analysisByName: actor.fullName };
  });
}

function changeOutage(
  dataSource: DataSource,
  actor: SessionUser,
  id: string,
  action: AuditAction,
  now: Date,
  change: (before: OutageRecord) => Partial<OutageRecord>,
): Promise<Outage> {
  return changeAudited(dataSource, {
    entity: OutageEntity,
    entityName: 'outage',
    id,
    actor,
    action,
    now,
    notFoundMessage: 'Avbrottet finns inte.',
    view: (record) => toOutage(record, now),
    change,
    check: (before, after, manager) =>
      after.endsAt === before.endsAt
        ? Promise.resolve()
        : recomputeDeadlines(manager, after.id, after.endsAt),
  });
}

/** Two outages never overlap, so "the outage a record belongs to" is always one. */
async function refuseOverlap(
  manager: EntityManager,
  startsAt: string,
  endsAt: string | null,
  exceptId: string | null,
): Promise<void> {
  const query = manager
    .getRepository(OutageEntity)
    .createQueryBuilder('o')
    .where('(o.endsAt IS NULL OR o.endsAt > :startsAt)', { startsAt });
  // An outage starting now with no end yet clashes only with one already going on, not
  // with a window planned for later.
  if (endsAt) query.andWhere('o.startsAt < :endsAt', { endsAt });
  else query.andWhere('o.startsAt <= :startsAt', { startsAt });
  if (exceptId) query.andWhere('o.id != :exceptId', { exceptId });
  const other = await query.getOne();
  if (other) {
    const start = new Date(other.startsAt);
    const when = `${localDate(start)} ${localTime(start)}`;
    throw new AppError(
      'CONFLICT',
      other.endsAt
        ? `Tiden överlappar ett annat avbrott (${when}). Avsluta eller ändra det först.`
        : `Ett avbrott pågår redan sedan ${when}. Avsluta det innan ett nytt registreras.`,
    );
  }
}

/** Planned outages ahead, and the patch-Wednesday windows if the unit shows them. */
export async function upcomingWindows(
  dataSource: DataSource,
  now: Date,
  patchWednesday: boolean,
): Promise<MaintenanceWindowView[]> {
  const planned = await dataSource
    .getRepository(OutageEntity)
    .createQueryBuilder('o')
    .where('o.startsAt > :at', { at: now.toISOString() })
    .orderBy('o.startsAt', 'ASC')
    .limit(5)
    .getMany();
  const windows: MaintenanceWindowView[] = planned.map((o) => ({
    date: localDate(o.startsAt),
    from: localTime(new Date(o.startsAt)),
    to: o.endsAt ? localTime(new Date(o.endsAt)) : '',
    source: 'planned',
  }));
  if (patchWednesday) {
    for (const window of upcomingPatchWednesdays(now, 3)) {
      windows.push({ ...window, source: 'patchWednesday' });
    }
  }
  return windows.sort((a, b) => `${a.date}${a.from}`.localeCompare(`${b.date}${b.from}`));
}
