import { app, BrowserWindow, dialog, session, type Session } from 'electron';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DesktopPorts, FileType, PrintOutcome } from './app/desktop';
import { APP_ORIGIN, APP_SCHEME } from './protocol';

const fileFilters: Record<FileType, Electron.FileFilter[]> = {
  pdf: [{ name: 'PDF-dokument', extensions: ['pdf'] }],
  xlsx: [{ name: 'Excel-arbetsbok', extensions: ['xlsx'] }],
  setup: [{ name: 'Installationsfil för Reservpärm', extensions: ['reservparm-installation'] }],
  transfer: [{ name: 'Överföringsfil från Reservpärm', extensions: ['reservparm-overforing'] }],
};

/** Electron's save dialog and the system print dialog, for the app's services. */
export function electronDesktop(parent: () => BrowserWindow | null): DesktopPorts {
  return {
    async chooseSavePath({ suggestedName, title, fileType }) {
      const options: Electron.SaveDialogOptions = {
        title,
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: fileFilters[fileType],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = parent();
      const answer = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
    async chooseOpenPath({ title, fileType }) {
      const options: Electron.OpenDialogOptions = {
        title,
        filters: fileFilters[fileType],
        properties: ['openFile'],
      };
      const window = parent();
      const answer = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    printPdf: (document) => printPdf(parent(), document),
    async chooseFolder({ title, defaultPath }) {
      const options: Electron.OpenDialogOptions = {
        title,
        defaultPath,
        buttonLabel: 'Välj mapp',
        properties: ['openDirectory', 'createDirectory'],
      };
      const window = parent();
      const answer = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
  };
}

/** PDFs waiting in a print window, by token: served from memory, never written to disk. */
const waiting = new Map<string, Uint8Array>();
let printSession: Session | null = null;

/**
 * The print windows' own in-memory session: it serves only the PDF being printed and
 * reaches nothing else. Chromium's PDF viewer (the `plugins` preference, on the print
 * window only) shows the PDF itself, so the printer gets the PDF's vectors: crisp
 * barcodes, the same pages as the preview.
 */
function printWindowSession(): Session {
  if (printSession) return printSession;
  const created = session.fromPartition('reservparm-print', { cache: false });
  created.protocol.handle(APP_SCHEME, (request) => {
    const match = /^\/print\/([0-9a-f-]{36})\.pdf$/.exec(new URL(request.url).pathname);
    const bytes = match ? waiting.get(match[1]!) : undefined;
    if (!bytes) return new Response('Not found', { status: 404 });
    return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
      headers: { 'content-type': 'application/pdf' },
    });
  });
  created.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Nothing from the network or the disk: the viewer needs only the app's PDF and
  // Chromium's own viewer pages.
  created.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: /^(https?|wss?|ftp|file):/i.test(details.url) });
  });
  printSession = created;
  return created;
}

/**
 * Opens the system print dialog for a PDF: a hidden window shows it in Chromium's PDF
 * viewer and prints that (Electron prints a PDF document since 32, electron#43309).
 * Not reachable from these machines' tests (no Electron binary): the e2e bridge records
 * what would be printed instead.
 */
async function printPdf(
  parent: BrowserWindow | null,
  { bytes }: { title: string; bytes: Uint8Array },
): Promise<PrintOutcome> {
  const token = randomUUID();
  waiting.set(token, bytes);
  // electronegativity: AUXCLICK_JS_CHECK — a hidden window with one PDF; new windows are
  // denied for every web contents (lockDownWebContents), middle click included.
  const window = new BrowserWindow({
    show: false,
    ...(parent ? { parent } : {}),
    webPreferences: {
      session: printWindowSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      plugins: true,
      spellcheck: false,
    },
  });
  try {
    await window.loadURL(`${APP_ORIGIN}/print/${token}.pdf`);
    return await new Promise<PrintOutcome>((resolve, reject) =>
      window.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
        if (success) resolve('printed');
        else if (reason === 'cancelled') resolve('cancelled');
        else reject(new Error(`Printing failed: ${reason}`));
      }),
    );
  } finally {
    waiting.delete(token);
    window.destroy();
  }
}
