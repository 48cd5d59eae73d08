import type { DataSource } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import { exportFilter, type ExportFilter } from '../../../shared/exports';
import type { RegisterDefinition } from '../../../shared/registers';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import { AppError } from '../../../shared/result';
import { localDate } from '../../../shared/time';
import { UserEntity } from '../db/entities/userRecord';
import { listOutages } from '../outages/outageService';
import { printSubtitle } from '../print/subtitle';
import { getUnit } from '../unit/unitService';
import type { PageContext } from './pageText';
import type { ExportProgress } from './workbook';

/** Who exports: their role decides which registers the workbook holds. */
export type ExportActor = Pick<SessionUser, 'id' | 'fullName' | 'role'>;

/** What both exports take: who asks, which records, and the clock's now. */
export interface ExportRequest {
  actor: ExportActor;
  /** Nothing chosen: every record the person may read. */
  filter?: Partial<ExportFilter>;
  now: Date;
  /** Told after each page of rows is written (see `ExportProgress`). */
  onProgress?: ExportProgress;
}

/** The request made concrete: the filter checked, the unit's words and the page text. */
export interface ExportScope {
  filter: ExportFilter;
  context: PageContext;
  cardProvider: string;
  /** The selection in words, for the sheet about the export ("" for everything). */
  description: string;
}

export async function resolveScope(
  dataSource: DataSource,
  request: ExportRequest,
): Promise<ExportScope> {
  const parsed = exportFilter.safeParse(request.filter ?? {});
  if (!parsed.success) {
    throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? 'Ogiltigt urval.');
  }
  const filter = parsed.data;
  const outage = filter.outageId
    ? (await listOutages(dataSource, request.now)).find((o) => o.id === filter.outageId)
    : null;
  if (filter.outageId && !outage) throw new AppError('NOT_FOUND', 'Avbrottet finns inte.');
  const person = filter.createdById
    ? await dataSource.getRepository(UserEntity).findOneBy({ id: filter.createdById })
    : null;
  if (filter.createdById && !person) throw new AppError('NOT_FOUND', 'Personen finns inte.');
  const description = [
    printSubtitle({ outage, personName: person?.fullName ?? null }),
    dateRangeText(filter),
  ]
    .filter(Boolean)
    .join(' · ');
  const unit = await getUnit(dataSource);
  return {
    filter,
    cardProvider: unit.cardProvider,
    description,
    context: {
      unit: unit.name,
      scope: description,
      exportedBy: request.actor.fullName,
      exportedAt: request.now,
    },
  };
}

/** "Datum 2026-11-01 – 2026-11-30", "Datum från 2026-11-01", "Datum till och med …". */
export function dateRangeText({ from, to }: Pick<ExportFilter, 'from' | 'to'>): string {
  if (from && to) return from === to ? `Datum ${from}` : `Datum ${from} – ${to}`;
  if (from) return `Datum från ${from}`;
  if (to) return `Datum till och med ${to}`;
  return '';
}

/**
 * The office date a record is about: its register's own date (the decision date, the
 * payout date, the note's event), or the day it was registered when that is empty.
 */
export function recordDate(definition: RegisterDefinition, record: RegisterRecord): string {
  const value = record.values[definition.dateField];
  if (typeof value === 'string' && value !== '') {
    const field = definition.fields.find((f) => f.key === definition.dateField);
    return field?.kind === 'datetime' ? localDate(value) : value;
  }
  return localDate(record.createdAt);
}

/** Whether an office date lies within the filter's range (both ends included). */
export const inDateRange = (date: string, { from, to }: Pick<ExportFilter, 'from' | 'to'>) =>
  (!from || date >= from) && (!to || date <= to);
