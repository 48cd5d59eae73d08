import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { inputTooLarge, MAX_INPUT_SIZE } from '../../../main/app/inputSize';
import { createRouter, type Router } from '../../../main/app/router';
import { workerPdfBuilder } from '../../../main/app/print/jobs/builder';
import { AppState } from '../../../main/app/state';
import { clockFrom } from '../../support/app';
import { recordingDesktop, type RecordingDesktop } from '../../support/desktop';

const root = join(import.meta.dirname, '..', '..', '..');
const rendererDir = join(root, 'out', 'renderer');
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Main's clock in the e2e suite: a Monday morning in office time, running from there, so
 * no flow depends on the real day. The renderer follows main's clock (status.now).
 */
export const E2E_START = process.env.RESERVPARM_E2E_START ?? '2026-11-23T10:00';

export interface Bridge {
  url: string;
  state: AppState;
  router: Router;
  /** Moves main's clock forward, e.g. past the inactivity lock, without waiting. */
  advanceClock(ms: number): void;
  /** The desktop around main, played by the bridge: a folder and a print recorder. */
  desktop: RecordingDesktop;
  close(): Promise<void>;
}

let clientScript: Promise<string> | undefined;
function bundleClient(): Promise<string> {
  clientScript ??= build({
    entryPoints: [join(import.meta.dirname, 'client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
  }).then((result) => result.outputFiles[0]!.text);
  return clientScript;
}

/**
 * Serves the production renderer build to Chromium and answers its calls with the real
 * main-process router on a real encrypted database. It replaces only Electron's
 * preload and IPC: everything behind the router is what the app runs.
 */
export async function startBridge(
  dbPath: string,
  clock: () => Date = clockFrom(E2E_START),
): Promise<Bridge> {
  let advancedMs = 0;
  const desktop = recordingDesktop(join(dirname(dbPath), 'saved'));
  const state = new AppState({
    dbPath,
    clock: () => new Date(clock().getTime() + advancedMs),
    // The app's own print worker, as built by `npm run build` (the suite runs after it).
    pdfBuilder: workerPdfBuilder(join(root, 'out', 'main', 'pdfWorker.cjs')),
    desktop: desktop.ports,
  });
  const router = createRouter(state, {
    onInternalError: (channel, error) => console.error(`[bridge] ${channel}:`, error),
  });
  const client = await bundleClient();

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname.startsWith('/ipc/')) {
      // As main refuses a huge input before looking at it, the bridge refuses it unread.
      const text = await readBody(request, MAX_INPUT_SIZE);
      const result =
        text === null
          ? { ok: false, error: inputTooLarge }
          : await router.handle(
              url.pathname.slice('/ipc/'.length),
              (JSON.parse(text) as { input?: unknown }).input,
            );
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      return;
    }
    if (url.pathname === '/__bridge/api.js') {
      response.writeHead(200, { 'content-type': types['.js'] }).end(client);
      return;
    }
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname);
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep)) {
      response.writeHead(403).end();
      return;
    }
    let content: Buffer | string = await readFile(file).catch(() => Buffer.alloc(0));
    if (content.length === 0) {
      response.writeHead(404).end();
      return;
    }
    if (file.endsWith('index.html')) content = withBridge(content.toString('utf8'));
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(content);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    state,
    router,
    desktop,
    advanceClock(ms) {
      advancedMs += ms;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await state.close();
    },
  };
}

/**
 * The production CSP forbids all connections (Electron talks over IPC). The bridge's
 * calls go to its own origin, so only for the bridge connect-src becomes 'self'; the
 * stand-in preload is loaded before the app, as Electron loads the real one.
 */
function withBridge(html: string): string {
  const patched = html
    .replace("connect-src 'none'", "connect-src 'self'")
    .replace('<head>', '<head>\n    <script src="/__bridge/api.js"></script>');
  if (patched === html || !patched.includes("connect-src 'self'")) {
    throw new Error('renderer index.html no longer has the CSP the bridge expects');
  }
  return patched;
}

/** The body, or null once it passes the limit (the rest is left unread). */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8') || '{}'));
    request.on('error', reject);
  });
}
