import { z } from 'zod';
import { dateInput, datesInOrder } from './fields';
import { asciiFileName } from './printing';

/**
 * Which records an Excel export holds: one outage's, those dated within a range, one
 * person's, or any combination of them; every record when nothing is chosen.
 */
export const exportFilter = z
  .object({
    outageId: z.uuid({ error: 'Välj ett avbrott.' }).nullable().default(null),
    /** The person who registered the records (a worklist's sheet is theirs). */
    createdById: z.uuid({ error: 'Välj en person.' }).nullable().default(null),
    /**
     * Office dates, both included, compared with each record's own date (the decision
     * date, the payout date, when the note's event happened…; the day it was registered
     * when the register's date is empty).
     */
    from: dateInput('Ange datum som ÅÅÅÅ-MM-DD.').nullable().default(null),
    to: dateInput('Ange datum som ÅÅÅÅ-MM-DD.').nullable().default(null),
  })
  .superRefine(datesInOrder);
export type ExportFilter = z.output<typeof exportFilter>;

/** What the two exports are called, in the workbook and its file name. */
export const exportTitles = {
  registers: 'Registerutdrag',
  worklist: 'Att föra in',
} as const;
export type ExportKind = keyof typeof exportTitles;

/** "Att-fora-in-2026-11-23.xlsx": ASCII, for any file system and USB stick. */
export const xlsxFileName = (kind: ExportKind, date: string): string =>
  asciiFileName(exportTitles[kind], date, 'xlsx');

/** The worklist's own headings, besides those of the registers. */
export const worklistLabels = {
  deadlineStatus: 'Frist',
  register: 'Register',
  date: 'Datum',
  details: 'Uppgifter',
  task: 'Att göra',
  /** A box to tick when the record is in the social system (a "Ja" list in Excel). */
  tick: 'Införd ☐',
} as const;
