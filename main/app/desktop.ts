import { AppError } from '../../shared/result';

/**
 * What main asks of the desktop around it: where to save a file, and the system's print
 * dialog. The app's services stay free of Electron: main/index.ts passes Electron's
 * dialogs (main/desktop.ts), the e2e bridge a folder and a recorder.
 */
export interface DesktopPorts {
  /** Asks where to save; null when the person cancels the dialog. */
  chooseSavePath(request: SaveRequest): Promise<string | null>;
  /** Asks which file to read; null when the person cancels the dialog. */
  chooseOpenPath(request: OpenRequest): Promise<string | null>;
  /** Shows the system print dialog for a PDF and prints it, unless the person cancels. */
  printPdf(document: { title: string; bytes: Uint8Array }): Promise<PrintOutcome>;
  /** Asks for a folder (where backups go); null when the person cancels the dialog. */
  chooseFolder(request: { title: string; defaultPath: string }): Promise<string | null>;
}

export interface SaveRequest {
  /** The file name offered, e.g. "Beslutsdokument-2026-11-23.pdf". */
  suggestedName: string;
  /** The dialog's title, in Swedish. */
  title: string;
  /** The kind of file, for the dialog's filter. */
  fileType: FileType;
}

/** Files the app writes and reads: PDFs, Excel workbooks, setup and transfer files. */
export type FileType = 'pdf' | 'xlsx' | 'setup' | 'transfer';

export interface OpenRequest {
  title: string;
  fileType: 'setup' | 'transfer';
}

export type PrintOutcome = 'printed' | 'cancelled';

/** Outside a desktop (a test without ports): saving and printing are not possible. */
export const noDesktop: DesktopPorts = {
  chooseSavePath: () => Promise.reject(new Error('No desktop to save from')),
  chooseOpenPath: () => Promise.reject(new Error('No desktop to open from')),
  printPdf: () => Promise.reject(new Error('No desktop to print from')),
  chooseFolder: () => Promise.reject(new Error('No desktop to choose a folder from')),
};

/** A desktop dialog that failed: said in Swedish, the reason kept out of the answer. */
export const dialogFailed = (what: string): AppError =>
  new AppError('DESKTOP_FAILED', `${what} Försök igen eller kontakta IT.`);

/** The save dialog's answer (null when cancelled); a dialog that fails is said so. */
export function askSavePath(desktop: DesktopPorts, request: SaveRequest): Promise<string | null> {
  return desktop.chooseSavePath(request).catch(() => {
    throw dialogFailed('Det gick inte att öppna dialogen för att spara.');
  });
}

/** What to do when a file cannot be written where the person chose. */
export const chooseAnotherPlace =
  'Välj en annan plats, till exempel en annan mapp eller ett USB-minne som inte är skrivskyddat.';
