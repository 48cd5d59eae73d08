import { z } from 'zod';
import { typedSecret } from './fields';
import { registerKeys } from './registers/keys';

/**
 * Restoring the unit database from a backup (main/app/backup/restoreService.ts): at the
 * unlock screen when the file is damaged, and from Inställningar by the enhetschef.
 * A backup is named by its file name in the backup folder; main finds it there itself,
 * so no path ever comes from the renderer.
 */
export const backupNameInput = z
  .string({ error: 'Välj en säkerhetskopia.' })
  .trim()
  .min(1, { error: 'Välj en säkerhetskopia.' })
  .max(120, { error: 'Välj en säkerhetskopia.' });

export const backupChoiceSchema = z.object({
  name: z.string(),
  /** When the copy was taken (an instant). */
  madeAt: z.string(),
  bytes: z.number().int(),
});
export type BackupChoice = z.infer<typeof backupChoiceSchema>;

/** The unlock screen's offer when the database is damaged. */
export const startupOfferSchema = z.object({
  /** What is wrong with the database, as the unlock said it. */
  damage: z.string(),
  /** The database's folder, where the damaged file is kept aside. */
  databaseFolder: z.string(),
  /** The name the damaged file would be kept under. */
  keptAsideName: z.string(),
  backupFolder: z.string(),
  /** The latest backup that opened with the passphrase and passed its check; null if none. */
  offer: backupChoiceSchema.nullable(),
  /** Newer backups passed over, each with why. */
  skipped: z.array(backupChoiceSchema.extend({ problem: z.string() })),
  /** Why the folder could not be read, if it could not. */
  folderProblem: z.string().nullable(),
});
export type StartupOffer = z.infer<typeof startupOfferSchema>;

export const startupOfferInput = z.object({ passphrase: typedSecret('Ange lösenfras.') });
/** The kept-aside name the confirmation showed; main uses it if it is still free. */
const keptAsideNameInput = z
  .string({ error: 'Ogiltigt filnamn för den undansparade filen.' })
  .max(200, { error: 'Filnamnet för den undansparade filen är för långt.' })
  .optional();

export const startupRestoreInput = z.object({
  passphrase: typedSecret('Ange lösenfras.'),
  backupName: backupNameInput,
  keptAsideName: keptAsideNameInput,
});

export const backupListSchema = z.object({
  folder: z.string(),
  folderProblem: z.string().nullable(),
  backups: z.array(backupChoiceSchema),
});
export type BackupList = z.infer<typeof backupListSchema>;

export const recordCountsSchema = z.array(
  z.object({ register: z.enum(registerKeys), count: z.number().int() }),
);
export type RecordCounts = z.infer<typeof recordCountsSchema>;

/** What a restore would replace, and with what: for the confirmation. */
export const restoreDescriptionSchema = z.object({
  current: z.object({
    /** The latest change saved in the database (an instant), null if none. */
    lastChangeAt: z.string().nullable(),
    counts: recordCountsSchema,
  }),
  backup: backupChoiceSchema.extend({
    /** Null when the backup cannot be read with the unit passphrase (then `problem`). */
    counts: recordCountsSchema.nullable(),
    problem: z.string().nullable(),
  }),
  databaseFolder: z.string(),
  keptAsideName: z.string(),
});
export type RestoreDescription = z.infer<typeof restoreDescriptionSchema>;

export const restoreRunInput = z.object({
  backupName: backupNameInput,
  passphrase: typedSecret('Ange enhetens lösenfras.'),
  keptAsideName: keptAsideNameInput,
});
