import { AppError } from '../../../shared/result';

/** What a file is meant to be, in the words the messages use. */
export type FileKind = 'transfer' | 'setup';

const kindWords: Record<FileKind, string> = {
  transfer: 'en överföringsfil',
  setup: 'en installationsfil',
};

const NOTHING = 'Ingenting har lästs in.';

/**
 * Why a setup or transfer file is refused. Every refusal happens before anything is
 * written here, so each message can end by saying so.
 */
export const fileErrors = {
  missing: () => new AppError('NOT_FOUND', `Filen finns inte. ${NOTHING}`),

  notEncrypted: (kind: FileKind) =>
    new AppError(
      'WRONG_FILE',
      `Filen är inte krypterad och är inte ${kindWords[kind]} från Reservpärm: sådana filer ` +
        `är alltid krypterade med enhetens lösenfras. ${NOTHING}`,
    ),

  wrongPassphrase: () =>
    AppError.field(
      'WRONG_PASSPHRASE',
      'passphrase',
      'Filen kunde inte öppnas med den lösenfrasen. Ange enhetens lösenfras som den var när ' +
        `filen skapades. Stämmer lösenfrasen är filen skadad. ${NOTHING}`,
    ),

  damaged: () =>
    new AppError(
      'DAMAGED_FILE',
      'Filen är skadad eller ofullständig och kan inte läsas in. Den kan ha kopierats bara ' +
        `till hälften; skapa en ny fil på datorn den kommer från. ${NOTHING}`,
    ),

  wrongKind: (wanted: FileKind, found: FileKind | 'database' | 'unknown') =>
    new AppError(
      'WRONG_FILE',
      found === 'database'
        ? `Filen är en databas från Reservpärm, inte ${kindWords[wanted]}. ${NOTHING}`
        : found === 'unknown'
          ? `Filen är inte ${kindWords[wanted]} från Reservpärm. ${NOTHING}`
          : `Filen är ${kindWords[found]}, inte ${kindWords[wanted]}. ${NOTHING}`,
    ),

  newerFormat: (version: number) =>
    new AppError(
      'UNSUPPORTED_FORMAT',
      `Filen har skapats av en nyare version av Reservpärm (filformat ${version}). Uppdatera ` +
        `Reservpärm på den här datorn och försök igen. ${NOTHING}`,
    ),

  olderFormat: (version: number) =>
    new AppError(
      'UNSUPPORTED_FORMAT',
      `Filen har skapats av en äldre version av Reservpärm (filformat ${version}). Uppdatera ` +
        `Reservpärm på datorn som skapade filen och skapa en ny överföringsfil. ${NOTHING}`,
    ),

  otherUnit: (unitName: string) =>
    new AppError(
      'WRONG_UNIT',
      `Filen kommer från en annan enhet (${unitName}) och kan inte läsas in här. ${NOTHING}`,
    ),

  sameDevice: () =>
    new AppError(
      'WRONG_FILE',
      'Filen skapades på den här datorn. Läs in den på enhetens kontorsdator. ' + NOTHING,
    ),

  /**
   * A row that cannot stand beside one here (the same verifikationsnummer, say): `what`
   * says which, `fix` what to do (by default, correct one of them and write a new file).
   */
  clash: (what: string, fix = 'Rätta posten på den ena datorn och skapa en ny överföringsfil.') =>
    new AppError('CONFLICT', `${what} ${fix} ${NOTHING}`),
};
