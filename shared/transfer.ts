import { z } from 'zod';
import { registers } from './registers';

/**
 * Setup files (the office PC prepares a laptop) and transfer files (a laptop's records come
 * back to the office PC): what the main process reports about them. Both are SQLCipher 4
 * databases encrypted with the unit passphrase (main/app/transfer/).
 */

/** What a transfer file carries and an import reports on, in the order they are read in. */
export const transferTableKeys = [
  'users',
  'outages',
  'reconciliations',
  'decisions',
  'orders',
  'journalNotes',
  'otherDocuments',
  'payouts',
  'custodians',
  'usbReceipts',
  'printedReferences',
  'auditLog',
] as const;
export type TransferTableKey = (typeof transferTableKeys)[number];

export const transferTableLabels: Record<TransferTableKey, string> = {
  users: 'Användare',
  outages: 'Avbrott',
  reconciliations: 'Avstämningar',
  decisions: registers.decisions.title,
  orders: registers.orders.title,
  journalNotes: registers.journalNotes.title,
  otherDocuments: registers.otherDocuments.title,
  payouts: registers.payouts.title,
  custodians: 'Kassaförvaltare',
  usbReceipts: 'USB-minnen',
  printedReferences: 'Utskrivna referenser',
  auditLog: 'Händelseloggen',
};

const count = z.number().int().nonnegative();

/** A file as its manifest describes it, before anything is read in. */
export const transferFileInfoSchema = z.object({
  fileId: z.string(),
  formatVersion: z.number().int(),
  unitName: z.string(),
  /** The installation that wrote it. */
  deviceId: z.string(),
  deviceName: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  /** One outage, or all of them (outageId null); the label is Swedish. */
  scope: z.object({ outageId: z.string().nullable(), label: z.string() }),
  rows: z.array(z.object({ table: z.enum(transferTableKeys), label: z.string(), rows: count })),
});
export type TransferFileInfo = z.infer<typeof transferFileInfoSchema>;

export const mergeCountsSchema = z.object({
  /** New here. */
  added: count,
  /** Already here as in the file, or unchanged there since it was last read in. */
  skipped: count,
  /** Changed in both places: the file's change was the later, and replaced ours. */
  updated: count,
  /** Changed in both places: ours was the later (or may not change), and was kept. */
  conflicts: count,
});
export type MergeCounts = z.infer<typeof mergeCountsSchema>;

export const transferSummarySchema = z.object({
  file: transferFileInfoSchema,
  importedAt: z.string(),
  importedByName: z.string(),
  tables: z.array(
    mergeCountsSchema.extend({ table: z.enum(transferTableKeys), label: z.string() }),
  ),
  /** Outages the laptop started on its own, read in as the office's outage of that time. */
  mappedOutages: z.array(z.object({ fromId: z.string(), toId: z.string(), label: z.string() })),
  /** Things the enhetschef should look at, in Swedish. */
  warnings: z.array(z.string()),
});
export type TransferSummary = z.infer<typeof transferSummarySchema>;

/** A setup file, as written on the office PC or read on a fresh laptop. */
export const setupFileInfoSchema = z.object({
  fileId: z.string(),
  formatVersion: z.number().int(),
  unitName: z.string(),
  /** What the laptop will be called unless it is given another name. */
  laptopName: z.string(),
  madeAt: z.string(),
  madeByName: z.string(),
  madeOnDeviceName: z.string(),
  userCount: count,
  /** The paper references the laptop will print: "ST100000"–"ST109999". */
  firstReference: z.string(),
  lastReference: z.string(),
});
export type SetupFileInfo = z.infer<typeof setupFileInfoSchema>;
