import { z } from 'zod';
import { dateInput, instantInput } from './fields';
import { isBefore } from './time';

export const outageKinds = ['planned', 'unplanned'] as const;
export const outageLevels = ['I', 'II', 'III'] as const;
export type OutageLevel = (typeof outageLevels)[number];

export const outageKindLabels = { planned: 'Planerat', unplanned: 'Oplanerat' } as const;

/** The Spånga-Tensta plan's three levels, as staff know them. */
export const outageLevelLabels: Record<OutageLevel, string> = {
  I: 'Nivå I – nätverket fungerar, sociala system nås inte',
  II: 'Nivå II – varken sociala system eller nätverk',
  III: 'Nivå III – inga datorer, allt på papper',
};

/** After this long the management group and unions must analyse the outage afterwards. */
export const ANALYSIS_THRESHOLD_HOURS = 48;

export const outageSchema = z.object({
  id: z.string(),
  kind: z.enum(outageKinds),
  level: z.enum(outageLevels),
  affectedSystems: z.array(z.string()),
  note: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  status: z.enum(['planned', 'active', 'ended']),
  durationMinutes: z.number().int(),
  needsAnalysis: z.boolean(),
  analysisDoneOn: z.string().nullable(),
  analysisByName: z.string().nullable(),
  /** Who ended it and what they noted (e.g. "Paraplyet åter i drift enligt IT"). */
  endedByName: z.string().nullable(),
  endNote: z.string(),
  /** Who registered it: they may end it, like the enhetschef. */
  createdById: z.string(),
});
export type Outage = z.infer<typeof outageSchema>;

export const maintenanceWindowSchema = z.object({
  date: z.string(),
  from: z.string(),
  to: z.string(),
  source: z.enum(['patchWednesday', 'planned']),
});
export type MaintenanceWindowView = z.infer<typeof maintenanceWindowSchema>;

const instant = instantInput('Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM, t.ex. 2026-11-23 14:30.');
const systems = z
  .array(z.string().trim().min(1).max(80, { error: 'Högst 80 tecken per system.' }), {
    error: 'Ange berörda system.',
  })
  .max(20, { error: 'Högst 20 system.' });
const note = z
  .string({ error: 'Skriv anteckningen som text.' })
  .trim()
  .max(2000, { error: 'Högst 2000 tecken.' });
const level = z.enum(outageLevels, { error: 'Välj nivå.' });

export const startOutageInput = z.object({
  level,
  affectedSystems: systems,
  note,
  /** When it actually began, if it is being registered afterwards; default now. */
  startedAt: instant.optional(),
});

export const planOutageInput = z
  .object({ level, affectedSystems: systems, note, startsAt: instant, endsAt: instant })
  .refine((v) => isBefore(v.startsAt, v.endsAt), {
    error: 'Sluttiden måste vara efter starttiden.',
    path: ['endsAt'],
  });

export const endOutageInput = z.object({
  id: z.uuid({ error: 'Välj avbrottet igen.' }),
  /** When it really ended, if earlier than now; default now. */
  endedAt: instant.optional(),
  note: note.default(''),
});

export const recordAnalysisInput = z.object({
  id: z.uuid({ error: 'Välj avbrottet igen.' }),
  doneOn: dateInput('Ange ett datum (ÅÅÅÅ-MM-DD).'),
});

/** One register's records in an outage (voided ones left out). */
export const outageRegisterCountSchema = z.object({
  key: z.string(),
  total: z.number().int(),
  notEntered: z.number().int(),
});

/**
 * An outage with what it left to do: records per register (those the person may read),
 * how many are not yet entered, deadlines due within two working days and passed, and
 * the USB sticks still out (and those out although the outage has ended): null for those
 * who may not read the USB receipts.
 */
export const outageOverviewSchema = z.object({
  outage: outageSchema,
  registers: z.array(outageRegisterCountSchema),
  notEntered: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  usbOut: z.number().int().nullable(),
  usbOutlasting: z.number().int().nullable(),
});
export type OutageOverview = z.infer<typeof outageOverviewSchema>;
