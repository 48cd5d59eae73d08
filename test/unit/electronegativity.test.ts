import { cpSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/tempDir';

/**
 * Doyensec's Electronegativity on the Electron sources: the main process and preload
 * (main/), the renderer (renderer/, with the CSP in index.html) and the code both bundle
 * (shared/). Its CLI exits 1 only when it crashes, never on findings (PITFALLS.md), so
 * this test calls `run()` and fails on every finding that is not in `justified` below.
 */

/**
 * Findings that stay, each with a comment at the code naming the check (the test reads
 * it) and the reason here. An entry that no longer matches a finding fails too: a
 * justification must not outlive its code.
 */
const justified: { check: string; file: string; reason: string }[] = [
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'main/window.ts',
    reason:
      'The preload (main/preload.ts) exposes only the domain API built from the zod contract ' +
      'through contextBridge; ipcRenderer and Node stay inside it, and main checks the sender frame.',
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'main/window.ts',
    reason:
      "'Auxclick' is not a Blink feature any more (electron#10315), so disableBlinkFeatures " +
      'would change nothing; a middle click asks for a new window, which setWindowOpenHandler ' +
      'denies for every web contents (lockDownWebContents, tested in electronMain.test.ts).',
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'main/desktop.ts',
    reason:
      'The print window is hidden and shows one in-memory PDF; like every web contents it ' +
      'gets lockDownWebContents, which denies new windows.',
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    reason:
      "The evaluator warns that script-src 'self' can be abused where a site hosts JSONP or " +
      "uploads; 'self' here is app://reservparm, which serves only the bundled files.",
  },
];

/** Needs the internet (it downloads Electron's release list): `npm test` runs offline. */
const excluded = ['AvailableSecurityFixesGlobalCheck'];

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description: string;
}
type Run = (options: Record<string, unknown>) => Promise<{
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}>;

const root = fileURLToPath(new URL('../../', import.meta.url));
const requireHere = createRequire(import.meta.url);
const packageJson = requireHere.resolve('@doyensec/electronegativity/package.json');

/**
 * It fetches updated translations of its messages from S3 before every run (a 1 s
 * timeout, then its own English). The test answers that request "offline" at once, so
 * the result never depends on the network and a check that tried to reach it would fail.
 */
function offlineHttp(): void {
  const gotPath = createRequire(packageJson).resolve('got');
  const offline = new Module(gotPath);
  offline.exports = () => Promise.reject(new Error('offline: no network in npm test'));
  offline.loaded = true;
  requireHere.cache[gotPath] = offline;
}

describe('Electronegativity on the Electron sources', () => {
  const temp = makeTempDir('reservparm-eng-');
  afterAll(() => temp.cleanup());

  it('finds nothing that is not fixed or justified at the code', async () => {
    offlineHttp();
    const loaded = requireHere('@doyensec/electronegativity') as Run | { default: Run };
    const run = typeof loaded === 'function' ? loaded : loaded.default;
    // One input folder with exactly the app's Electron sources (not tests or scripts).
    const input = join(temp.dir, 'src');
    for (const folder of ['main', 'renderer', 'shared'])
      cpSync(join(root, folder), join(input, folder), { recursive: true });
    const electronVersion = (
      JSON.parse(readFileSync(requireHere.resolve('electron/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;

    const result = await run({
      input,
      output: join(temp.dir, 'electronegativity.csv'),
      isSarif: false,
      excludeFromScan: excluded,
      electronVersionOverride: electronVersion,
      isRelative: true,
    });

    // Every check but the excluded one ran, on files it could parse.
    expect(result.globalChecks + result.atomicChecks).toBeGreaterThan(30);
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);

    const show = (f: Finding) =>
      `${f.id} ${f.file}:${f.location.line} ${f.sample ?? ''} (${f.description})`;
    const isJustified = (f: Finding) =>
      justified.some((j) => j.check === f.id && j.file === f.file.split('\\').join('/'));
    expect(result.issues.filter((f) => !isJustified(f)).map(show)).toEqual([]);

    for (const entry of justified) {
      expect(
        result.issues.some((f) => f.id === entry.check && f.file === entry.file),
        `${entry.check} in ${entry.file} is justified but no longer found: remove the entry and the comment`,
      ).toBe(true);
      expect(
        readFileSync(join(root, entry.file), 'utf8'),
        `${entry.file} needs a comment "electronegativity: ${entry.check}" with the reason`,
      ).toContain(`electronegativity: ${entry.check}`);
    }
  });
});
