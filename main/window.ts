import { BrowserWindow, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { isDevToolsShortcut } from './app/devTools';
import { APP_ORIGIN } from './protocol';

/** `devTools` comes from devToolsAllowed (main/app/devTools.ts): off in a packaged build. */
export function createMainWindow(preloadPath: string, devTools: boolean): BrowserWindow {
  // electronegativity: AUXCLICK_JS_CHECK — no disableBlinkFeatures 'Auxclick': that is
  // not a Blink feature any more (electron#10315); a middle click asks for a new window,
  // which lockDownWebContents denies for every web contents.
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Reservpärm',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      // electronegativity: PRELOAD_JS_CHECK — reviewed: the preload exposes only the
      // contract's domain API through contextBridge, never ipcRenderer or Node.
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools,
    },
  });
  if (!devTools) {
    // devTools: false already keeps the panel shut; the shortcuts are swallowed too, so
    // F12 or Ctrl+Shift+I reach neither Chromium nor the page.
    window.webContents.on('before-input-event', (event, input) => {
      if (isDevToolsShortcut(input)) event.preventDefault();
    });
  }
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** Applied to every web contents: the app shows only its own bundled pages. */
export function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function lockDownSession(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  // No remote content: anything not from the app's own scheme is cancelled.
  defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools:');
    callback({ cancel: !allowed });
  });
}

export const preloadFile = (dir: string) => join(dir, '..', 'preload', 'index.cjs');
