import { EntitySchema } from 'typeorm';

export type OutageKind = 'planned' | 'unplanned';
export type OutageLevel = 'I' | 'II' | 'III';

export interface OutageRecord {
  id: string;
  kind: OutageKind;
  level: OutageLevel;
  /** JSON array of system names, e.g. ["Paraplyet", "VODOK"]. */
  affectedSystems: string;
  note: string;
  startsAt: string;
  endsAt: string | null;
  analysisDoneOn: string | null;
  analysisById: string | null;
  analysisByName: string | null;
  endedById: string | null;
  endedByName: string | null;
  endNote: string;
  createdById: string;
  createdAt: string;
  updatedAt: string;
}

export const OutageEntity = new EntitySchema<OutageRecord>({
  name: 'Outage',
  tableName: 'outages',
  columns: {
    id: { type: 'text', primary: true },
    kind: { type: 'text' },
    level: { type: 'text' },
    affectedSystems: { type: 'text', name: 'affected_systems' },
    note: { type: 'text' },
    startsAt: { type: 'text', name: 'starts_at' },
    endsAt: { type: 'text', name: 'ends_at', nullable: true },
    analysisDoneOn: { type: 'text', name: 'analysis_done_on', nullable: true },
    analysisById: { type: 'text', name: 'analysis_by_id', nullable: true },
    analysisByName: { type: 'text', name: 'analysis_by_name', nullable: true },
    endedById: { type: 'text', name: 'ended_by_id', nullable: true },
    endedByName: { type: 'text', name: 'ended_by_name', nullable: true },
    endNote: { type: 'text', name: 'end_note', default: '' },
    createdById: { type: 'text', name: 'created_by_id' },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
});
