import { z } from 'zod';

/**
 * Automatic backups (main/app/backup): the channels' schemas, shared by the settings
 * panel, the overview card and main, so the bounds and their messages are said once.
 */
export const BACKUP_INTERVAL_MIN = 1;
export const BACKUP_INTERVAL_MAX = 240;
export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 500;
/** The battery level below which a laptop on battery makes a backup at once. */
export const LOW_BATTERY_LEVEL = 0.2;

/** A whole number typed in a field ("10"), within bounds, with the field's own words. */
const wholeNumberInput = (empty: string, min: number, max: number, unit: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty, abort: true })
    .max(10, { error: `Ange ${min}–${max} ${unit}.` })
    .regex(/^\d+$/, { error: `Ange ett helt antal ${unit} med siffror, t.ex. ${min * 10}.` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `Minst ${min}.` })
        .max(max, { error: `Högst ${max} ${unit}.` }),
    );

/**
 * A full path on the PC: "E:\Säkerhetskopior", "\\server\del\mapp" or "/media/usb". A
 * relative path would mean "beside wherever the app was started", never what anyone chose.
 */
const absolutePath = /^(?:[A-Za-z]:[\\/]|\\\\[^\\]|\/)/;
// A control character or half a surrogate pair cannot name a folder the person chose.
const unusableInPath =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const backupFolderInput = z
  .string({ error: 'Välj en mapp för säkerhetskopiorna.' })
  .trim()
  .min(1, { error: 'Välj en mapp för säkerhetskopiorna.', abort: true })
  .max(1000, { error: 'Sökvägen är för lång (högst 1000 tecken).', abort: true })
  .refine((path) => !unusableInPath.test(path), {
    error: 'Sökvägen innehåller tecken som inte kan finnas i ett mappnamn.',
    abort: true,
  })
  .refine((path) => absolutePath.test(path), {
    error: 'Ange hela sökvägen till mappen, t.ex. E:\\Säkerhetskopior, eller använd Välj mapp….',
  });

export const backupConfigureInput = z.object({
  folder: backupFolderInput,
  intervalMinutes: wholeNumberInput(
    'Ange hur ofta, i minuter.',
    BACKUP_INTERVAL_MIN,
    BACKUP_INTERVAL_MAX,
    'minuter',
  ),
  keep: wholeNumberInput(
    'Ange hur många säkerhetskopior som sparas.',
    BACKUP_KEEP_MIN,
    BACKUP_KEEP_MAX,
    'säkerhetskopior',
  ),
});

/** The laptop's battery as the window sees it (navigator.getBattery), reported to main. */
export const powerReadingInput = z.object({
  level: z.number({ error: 'Batterinivån kom fram i fel form.' }).min(0).max(1),
  charging: z.boolean({ error: 'Laddningen kom fram i fel form.' }),
});

const backupFileSchema = z.object({
  fileName: z.string(),
  madeAt: z.iso.datetime(),
  bytes: z.number().int().nonnegative(),
});
export type BackupFileInfo = z.infer<typeof backupFileSchema>;

export const backupStatusSchema = z.object({
  settings: z.object({
    folder: z.string(),
    intervalMinutes: z.number().int(),
    keep: z.number().int(),
  }),
  /** Still the folder beside the database: no help if the laptop itself is lost. */
  isDefaultFolder: z.boolean(),
  /** Why the folder cannot be reached (a stick not in), in Swedish; null when it can. */
  folderProblem: z.string().nullable(),
  /** The newest backup this app made or, after a restart, the newest in the folder. */
  lastBackup: backupFileSchema.nullable(),
  /** The last attempt that failed, when no backup succeeded after it. */
  lastFailure: z.object({ at: z.iso.datetime(), message: z.string() }).nullable(),
  /** The newest backups in the folder, newest first (at most ten). */
  latest: z.array(backupFileSchema),
  /** How many backups the folder holds. */
  count: z.number().int().nonnegative(),
  /** An outage has gone on for a while and no backup has been made since it began. */
  outageWithoutBackup: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** "för 12 minuter sedan": how long ago a backup was made, by the app's clock. */
export function backupAgeText(madeAt: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - madeAt.getTime()) / 60_000);
  if (minutes < 1) return 'alldeles nyss';
  if (minutes < 60) return `för ${minutes} ${minutes === 1 ? 'minut' : 'minuter'} sedan`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `för ${hours} ${hours === 1 ? 'timme' : 'timmar'} sedan`;
  const days = Math.floor(hours / 24);
  return `för ${days} ${days === 1 ? 'dag' : 'dagar'} sedan`;
}
