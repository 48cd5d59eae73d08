import { z } from 'zod';
import type { FileKind } from './errors';

/**
 * The manifest of a setup or transfer file: a two-column table (`key`, `value` as JSON) in
 * the file itself, so a later version can add keys and still read what an older one wrote.
 *
 * `formatVersion` changes whenever what a file holds changes (a table, a column): a reader
 * refuses a version newer than its own. `tables` holds each table's row count and a SHA-256
 * over its rows in key order, checked before anything is read in; SQLCipher's HMAC on every
 * page guards the bytes, these guard that the file is complete and as it was written.
 */
export const FORMAT_VERSION = 3;

/**
 * The oldest transfer file this version reads: version 2 added columns to custodians,
 * reconciliations and USB receipts (migration 0010), which a version 1 file lacks; version 3
 * the audit entries' chain (migration 0012), without which a laptop's entries could not keep
 * their own chain at the office.
 */
export const OLDEST_TRANSFER_VERSION = 3;

export const formatNames: Record<FileKind, string> = {
  transfer: 'reservparm-transfer',
  setup: 'reservparm-setup',
};

export const tableDigestSchema = z.object({
  rows: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TableDigest = z.infer<typeof tableDigestSchema>;

const common = {
  formatVersion: z.number().int().positive(),
  fileId: z.string().min(1),
  unitId: z.string().min(1),
  unitName: z.string(),
  /** The installation that wrote the file. */
  deviceId: z.string().min(1),
  deviceName: z.string(),
  createdAt: z.string(),
  createdById: z.string(),
  createdByName: z.string(),
  tables: z.record(z.string(), tableDigestSchema),
};

export const transferManifestSchema = z.object({
  format: z.literal(formatNames.transfer),
  ...common,
  scope: z.object({ outageId: z.string().nullable(), label: z.string() }),
});
export type TransferManifest = z.infer<typeof transferManifestSchema>;

export const setupManifestSchema = z.object({
  format: z.literal(formatNames.setup),
  ...common,
  /** The laptop's name as the enhetschef gave it. */
  laptopName: z.string(),
  /** The laptop's range of paper-reference serials. */
  serialFirst: z.number().int().positive(),
  serialLast: z.number().int().positive(),
});
export type SetupManifest = z.infer<typeof setupManifestSchema>;

export type Manifest = TransferManifest | SetupManifest;

export const manifestSchemas = {
  transfer: transferManifestSchema,
  setup: setupManifestSchema,
} as const;

export function kindOfFormat(format: unknown): FileKind | null {
  if (format === formatNames.transfer) return 'transfer';
  if (format === formatNames.setup) return 'setup';
  return null;
}
