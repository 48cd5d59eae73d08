import { describe, expect, it, vi } from 'vitest';

/**
 * main/desktop.ts against a recording stand-in for 'electron' (no Electron binary on
 * these machines): the save dialog's options and answers, and the print window's set-up,
 * what it serves and that it is gone afterwards.
 */
const recorded = vi.hoisted(() => ({
  saveOptions: [] as Record<string, unknown>[],
  openOptions: [] as Record<string, unknown>[],
  openAnswer: { canceled: false, filePaths: ['E:/Overforing.reservparm-overforing'] } as {
    canceled: boolean;
    filePaths: string[];
  },
  saveAnswer: { canceled: false, filePath: '/home/kalle/Dokument/x.pdf' } as {
    canceled: boolean;
    filePath?: string;
  },
  windows: [] as { options: Record<string, unknown>; url?: string; destroyed: boolean }[],
  printAnswer: [true, ''] as [boolean, string],
  handler: undefined as undefined | ((request: Request) => Response | Promise<Response>),
  requestFilter: undefined as
    undefined | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
  served: [] as { status: number; type: string | null; bytes: number }[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    record: (typeof recorded.windows)[number];
    webContents = {
      print: (_options: unknown, callback: (success: boolean, reason: string) => void) =>
        callback(...recorded.printAnswer),
    };
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false };
      recorded.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.url = url;
      // What the window's session serves for it, while it is printing.
      const response = await recorded.handler!(new Request(url));
      recorded.served.push({
        status: response.status,
        type: response.headers.get('content-type'),
        bytes: (await response.arrayBuffer()).byteLength,
      });
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    app: { getPath: () => '/home/kalle/Dokument' },
    BrowserWindow,
    dialog: {
      showOpenDialog: (...args: unknown[]) => {
        recorded.openOptions.push(args.at(-1) as Record<string, unknown>);
        return Promise.resolve(recorded.openAnswer);
      },
      showSaveDialog: (...args: unknown[]) => {
        recorded.saveOptions.push(args.at(-1) as Record<string, unknown>);
        return Promise.resolve(recorded.saveAnswer);
      },
    },
    session: {
      fromPartition: () => ({
        protocol: { handle: (_scheme: string, fn: never) => (recorded.handler = fn) },
        setPermissionRequestHandler: () => {},
        webRequest: { onBeforeRequest: (fn: never) => (recorded.requestFilter = fn) },
      }),
    },
    net: {},
    protocol: {},
  };
});

const { electronDesktop } = await import('../../main/desktop');
const desktop = electronDesktop(() => null);
const pdf = { title: 'Beslut.pdf', bytes: new Uint8Array([37, 80, 68, 70, 45]) };

describe("Electron's save and print dialogs", () => {
  it('offers the file name in Documents with a PDF filter, and answers null when cancelled', async () => {
    expect(
      await desktop.chooseSavePath({
        suggestedName: 'Beslut-2026-11-23.pdf',
        title: 'Spara som PDF',
        fileType: 'pdf',
      }),
    ).toBe('/home/kalle/Dokument/x.pdf');
    expect(recorded.saveOptions[0]).toMatchObject({
      title: 'Spara som PDF',
      defaultPath: expect.stringMatching(/Dokument[\\/]Beslut-2026-11-23\.pdf$/),
      filters: [{ name: 'PDF-dokument', extensions: ['pdf'] }],
    });
    recorded.saveAnswer = { canceled: true };
    expect(
      await desktop.chooseSavePath({ suggestedName: 'x.pdf', title: 'Spara', fileType: 'pdf' }),
    ).toBeNull();
  });

  it('opens one file of the kind asked for, and answers null when cancelled', async () => {
    expect(
      await desktop.chooseOpenPath({ title: 'Välj överföringsfil', fileType: 'transfer' }),
    ).toBe('E:/Overforing.reservparm-overforing');
    expect(recorded.openOptions[0]).toMatchObject({
      title: 'Välj överföringsfil',
      filters: [{ extensions: ['reservparm-overforing'] }],
      properties: ['openFile'],
    });
    recorded.openAnswer = { canceled: true, filePaths: [] };
    expect(
      await desktop.chooseOpenPath({ title: 'Välj installationsfil', fileType: 'setup' }),
    ).toBeNull();
  });

  it('asks for a folder (where backups go), one that may be made in the dialog', async () => {
    recorded.openAnswer = { canceled: false, filePaths: ['E:/Säkerhetskopior'] };
    expect(
      await desktop.chooseFolder({ title: 'Välj mapp för säkerhetskopior', defaultPath: 'C:/x' }),
    ).toBe('E:/Säkerhetskopior');
    expect(recorded.openOptions.at(-1)).toMatchObject({
      title: 'Välj mapp för säkerhetskopior',
      defaultPath: 'C:/x',
      properties: ['openDirectory', 'createDirectory'],
    });
    recorded.openAnswer = { canceled: true, filePaths: [] };
    expect(await desktop.chooseFolder({ title: 'Välj mapp', defaultPath: 'C:/x' })).toBeNull();
  });

  it('offers an Excel workbook with an Excel filter', async () => {
    recorded.saveAnswer = { canceled: false, filePath: '/home/kalle/Dokument/x.xlsx' };
    expect(
      await desktop.chooseSavePath({
        suggestedName: 'Registerutdrag-2026-11-23.xlsx',
        title: 'Spara Excel-fil',
        fileType: 'xlsx',
      }),
    ).toBe('/home/kalle/Dokument/x.xlsx');
    expect(recorded.saveOptions.at(-1)).toMatchObject({
      title: 'Spara Excel-fil',
      defaultPath: expect.stringMatching(/Dokument[\\/]Registerutdrag-2026-11-23\.xlsx$/),
      filters: [{ name: 'Excel-arbetsbok', extensions: ['xlsx'] }],
    });
  });

  it('prints from a hidden, sandboxed window that serves only this PDF, then destroys it', async () => {
    expect(await desktop.printPdf(pdf)).toBe('printed');
    const [window] = recorded.windows;
    expect(window!.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(window!.options.webPreferences).not.toHaveProperty('preload');
    expect(window!.url).toMatch(/^app:\/\/reservparm\/print\/[0-9a-f-]{36}\.pdf$/);
    expect(recorded.served[0]).toEqual({ status: 200, type: 'application/pdf', bytes: 5 });
    expect(window!.destroyed).toBe(true);
    // Once printed, the PDF is no longer served; nothing else ever was.
    expect((await recorded.handler!(new Request(window!.url!))).status).toBe(404);
    expect((await recorded.handler!(new Request('app://reservparm/index.html'))).status).toBe(404);
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      recorded.requestFilter!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://example.org/x.js')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
  });

  it('says cancelled when the person cancels, and fails when the printer does', async () => {
    recorded.printAnswer = [false, 'cancelled'];
    expect(await desktop.printPdf(pdf)).toBe('cancelled');
    recorded.printAnswer = [false, 'failed'];
    await expect(desktop.printPdf(pdf)).rejects.toThrow(/failed/);
    expect(recorded.windows.every((w) => w.destroyed)).toBe(true);
  });
});
