import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/channels';
import { keyDown } from '../support/keyInput';
import { makeTempDir } from '../support/tempDir';

/**
 * Electron's binary cannot be downloaded on these machines, so this test runs the real
 * main-process entry (main/index.ts) against a recording stand-in for the 'electron'
 * module: it checks the wiring an Electron launch would exercise.
 */
const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; url?: string; webContents?: unknown }[],
  ipc: new Map<string, (event: unknown, input: unknown) => unknown>(),
  schemes: [] as unknown[],
  switches: [] as [string, string][],
  sandboxEnabled: false,
  readyResolve: () => {},
  permissionHandler: undefined as
    undefined | ((c: unknown, p: string, callback: (ok: boolean) => void) => void),
  quits: 0,
  powerMonitor: undefined as undefined | (EventEmitter & { onBattery: boolean }),
  requestFilter: undefined as
    undefined | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ready = new Promise<void>((resolve) => (recorded.readyResolve = resolve));
  const app = Object.assign(new Emitter(), {
    commandLine: {
      appendSwitch: (name: string, value: string) => recorded.switches.push([name, value]),
    },
    setName: () => {},
    enableSandbox: () => (recorded.sandboxEnabled = true),
    requestSingleInstanceLock: () => true,
    // As in an installed build: DevTools must be off without the documented switch.
    isPackaged: true,
    getPath: () => '/nonexistent-user-data',
    whenReady: () => ready,
    quit: () => recorded.quits++,
  });
  recorded.powerMonitor = Object.assign(new Emitter(), {
    onBattery: false,
    isOnBatteryPower: () => recorded.powerMonitor!.onBattery,
  });
  class BrowserWindow extends Emitter {
    webContents = new Emitter();
    constructor(options: Record<string, unknown>) {
      super();
      recorded.windows.push({ options, webContents: this.webContents });
    }
    loadURL(url: string) {
      recorded.windows.at(-1)!.url = url;
      return Promise.resolve();
    }
    show() {}
    isMinimized() {
      return false;
    }
    focus() {}
  }
  return {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: never) => recorded.ipc.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
      handle: () => {},
    },
    net: { fetch: () => Promise.resolve(new Response('')) },
    powerMonitor: recorded.powerMonitor,
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: never) => (recorded.permissionHandler = fn),
        setPermissionCheckHandler: () => {},
        webRequest: { onBeforeRequest: (fn: never) => (recorded.requestFilter = fn) },
      },
    },
  };
});

describe('the Electron main process wiring', () => {
  const temp = makeTempDir();
  let electronApp: EventEmitter;

  beforeAll(async () => {
    process.env.RESERVPARM_DB = join(temp.dir, 'unit.db');
    await import('../../main/index');
    electronApp = (await import('electron')).app as unknown as EventEmitter;
    recorded.readyResolve();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  afterAll(() => {
    delete process.env.RESERVPARM_DB;
    temp.cleanup();
  });

  it('enables the sandbox everywhere and registers the app:// scheme before ready', () => {
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.switches).toContainEqual(['lang', 'sv-SE']);
    expect(recorded.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ secure: true }),
      }),
    ]);
  });

  it('opens one window, isolated and sandboxed, on the app scheme', () => {
    expect(recorded.windows).toHaveLength(1);
    const [window] = recorded.windows;
    expect(window!.url).toBe('app://reservparm/index.html');
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(window!.options.webPreferences).not.toHaveProperty('nodeIntegrationInSubFrames', true);
    expect(window!.options.webPreferences).not.toHaveProperty('allowRunningInsecureContent', true);
    expect(window!.options.webPreferences).not.toHaveProperty('experimentalFeatures', true);
    expect(window!.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );
  });

  it('keeps DevTools off in a packaged build and swallows their shortcuts', () => {
    const [window] = recorded.windows;
    expect(window!.options.webPreferences).toMatchObject({ devTools: false });
    const press = (key: string, modifiers: Parameters<typeof keyDown>[1] = {}) => {
      let prevented = false;
      (window!.webContents as EventEmitter).emit(
        'before-input-event',
        { preventDefault: () => (prevented = true) },
        keyDown(key, modifiers),
      );
      return prevented;
    };
    expect(press('F12')).toBe(true);
    expect(press('I', { control: true, shift: true })).toBe(true);
    expect(press('c', { control: true })).toBe(false);
  });

  it('binds every contract channel, answers the app frame through the router, and refuses others', async () => {
    expect([...recorded.ipc.keys()].sort()).toEqual([...channelNames].sort());
    const status = recorded.ipc.get('app.status')!;
    const fromApp = await status(
      { senderFrame: { url: 'app://reservparm/index.html' } },
      undefined,
    );
    expect(fromApp).toMatchObject({
      ok: true,
      value: { phase: 'setup', dbPath: join(temp.dir, 'unit.db') },
    });
    const fromElsewhere = await status({ senderFrame: { url: 'https://example.org/' } }, undefined);
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('denies permissions, remote requests, navigation away and new windows', () => {
    let granted: boolean | undefined;
    recorded.permissionHandler!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      recorded.requestFilter!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://example.org/tracker.js')).toBe(true);
    expect(verdict('app://reservparm/assets/index.js')).toBe(false);
    // PDFs are saved and printed by main: the renderer has no blob: to let out.
    expect(verdict('blob:app://reservparm/0b6c1c8e-4f6e-4d7e-9d7a-3f1f6c0f2a11')).toBe(true);
    expect(verdict('blob:https://example.org/0b6c1c8e')).toBe(true);

    const contents = Object.assign(new EventEmitter(), {
      openHandler: undefined as undefined | (() => { action: string }),
      setWindowOpenHandler(fn: () => { action: string }) {
        this.openHandler = fn;
      },
    });
    electronApp.emit('web-contents-created', {}, contents);
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
    const navigation = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigation('https://example.org/')).toBe(true);
    expect(navigation('file:///etc/passwd')).toBe(true);
    expect(navigation('app://reservparm/index.html')).toBe(false);
  });

  it('listens for the laptop going on battery once ready (the low-battery backup)', () => {
    expect(recorded.powerMonitor!.listenerCount('on-battery')).toBe(1);
    expect(recorded.powerMonitor!.listenerCount('on-ac')).toBe(1);
  });

  it('holds the quit for the last backup and the close, then quits, and stops listening', async () => {
    let prevented = false;
    electronApp.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(recorded.quits).toBe(0);
    await vi.waitFor(() => expect(recorded.quits).toBe(1));
    expect(recorded.powerMonitor!.listenerCount('on-battery')).toBe(0);
    // The second before-quit (from app.quit itself) goes through.
    let preventedAgain = false;
    electronApp.emit('before-quit', { preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
  });
});
