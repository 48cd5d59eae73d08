import { z } from 'zod';

/**
 * An installation of Reservpärm: the unit's office PC, or a laptop prepared from it with a
 * setup file. Records and audit entries say which one they were made on.
 */
export const deviceKinds = ['office', 'laptop'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export const deviceKindLabels: Record<DeviceKind, string> = {
  office: 'Kontorsdator',
  laptop: 'Bärbar dator',
};

export const deviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(deviceKinds),
  /** This installation (the others are known from setup and transfer files). */
  isThis: z.boolean(),
  /** The paper-reference serials this device prints from ("ST100000"–"ST109999"). */
  serialFirst: z.number().int(),
  serialLast: z.number().int(),
  /** The setup file a laptop was prepared from; null for the office PC. */
  setupFileId: z.string().nullable(),
  createdAt: z.string(),
  /** When a transfer file from it was last read in here. */
  lastImportAt: z.string().nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

export const MAX_DEVICE_NAME = 60;

export const deviceNameInput = z
  .string({ error: 'Ange datorns namn.' })
  .trim()
  .min(1, { error: 'Ange datorns namn.' })
  .max(MAX_DEVICE_NAME, { error: `Namnet får vara högst ${MAX_DEVICE_NAME} tecken.` });
