import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { startBackupSchedule } from './app/backup/backupSchedule';
import { backupNow } from './app/backup/backupService';
import { resolveDbPath } from './app/dbPath';
import { devToolsAllowed } from './app/devTools';
import { createRouter } from './app/router';
import { workerPdfBuilder } from './app/print/jobs/builder';
import { AppState } from './app/state';
import { electronDesktop } from './desktop';
import { bindIpc } from './ipc';
import { watchPower } from './power';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, lockDownSession, lockDownWebContents, preloadFile } from './window';

/** How long the quit waits for its backup to get its turn and finish. */
const QUIT_BACKUP_WAIT_MS = 30_000;

app.setName('Reservpärm');
// Swedish date and time inputs (2026-11-22 10:00) whatever the PC's display language.
app.commandLine.appendSwitch('lang', 'sv-SE');
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // One process per database: a second instance would open a second connection.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const state = new AppState({
    dbPath: resolveDbPath(process.argv, process.env, app.getPath('userData')),
    // Bundled beside this file (scripts/build.mjs): PDFs are built off main's thread.
    pdfBuilder: workerPdfBuilder(join(__dirname, 'pdfWorker.cjs')),
    desktop: electronDesktop(() => mainWindow),
  });
  const router = createRouter(state, {
    // Messages only: stack traces and SQL values stay out of logs that IT may collect.
    onInternalError: (channel, error) =>
      console.error(`[reservparm] ${channel} failed:`, (error as Error)?.message ?? error),
  });

  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());

  const run = <T>(task: () => Promise<T>) => router.exclusive(task);
  const schedule = startBackupSchedule(
    state,
    { setInterval, clearInterval },
    run,
    (reason, outcome) => {
      if (outcome.kind === 'failed')
        console.error(`[reservparm] backup (${reason}): ${outcome.message}`);
    },
  );
  let stopWatchingPower = () => {};

  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    schedule.stop();
    stopWatchingPower();
    // A last backup of what was written, in line behind the call being answered. Bounded:
    // a stick that hangs must not keep the app from quitting (the copy itself is
    // synchronous and cannot be cut short; what it waits for in line can).
    const lastBackup = run(() => backupNow(state, 'quit')).catch(() => undefined);
    void Promise.race([
      lastBackup,
      new Promise((resolve) => setTimeout(resolve, QUIT_BACKUP_WAIT_MS)),
    ])
      .then(() => state.close())
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  void app.whenReady().then(() => {
    lockDownSession();
    serveRenderer(join(__dirname, '..', 'renderer'));
    bindIpc(router);
    mainWindow = createMainWindow(
      preloadFile(__dirname),
      devToolsAllowed({ isPackaged: app.isPackaged, env: process.env }),
    );
    mainWindow.on('closed', () => (mainWindow = null));
    stopWatchingPower = watchPower(state, run);
  });
}
