import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerPdfBuilder, type PdfBuilder } from '../../main/app/print/jobs/builder';

/**
 * The print worker as the app runs it: main/app/print/jobs/worker.ts bundled the way
 * scripts/build.mjs bundles it (beside the repository's node_modules, as out/main is),
 * started as a real worker thread.
 */
const dir = resolve('test-results', 'pdf-worker');
const workerFile = join(dir, 'pdfWorker.cjs');
/** A fixed instant: nothing here reads the real time. */
const PRINTED_AT = new Date('2026-11-23T09:00:00Z');

const textOf = (bytes: Uint8Array, name: string) => {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
};

describe('the print worker', () => {
  let builder: PdfBuilder;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: ['main/app/print/jobs/worker.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      outfile: workerFile,
      logLevel: 'warning',
    });
    builder = workerPdfBuilder(workerFile);
  });
  afterAll(() => builder.close());

  it('builds a blank template and a filled register off the main thread', async () => {
    const template = await builder.build({
      kind: 'blankTemplate',
      key: 'decisionDocument',
      input: {
        unit: 'Enhet Łukasz Wołek',
        printedBy: 'Zoltán Kővári',
        printedAt: PRINTED_AT,
        references: ['ET000041'],
      },
    });
    const templateText = textOf(template, 'template');
    expect(templateText).toContain('Beslutsdokument');
    expect(templateText).toContain('Enhet Łukasz Wołek');
    expect(templateText).toContain('ET000041');

    const register = await builder.build({
      kind: 'register',
      options: {
        unit: 'Enhet Test',
        printedBy: 'Zoltán Kővári',
        printedAt: '2026-11-23T09:00:00.000Z',
        register: 'decisions',
        records: [],
      },
    });
    expect(textOf(register, 'register')).toContain('Utskriven 2026-11-23 10:00 av Zoltán Kővári');
  });

  it('refuses a job that fails, with its message, and keeps serving the next', async () => {
    await expect(
      builder.build({ kind: 'blankTemplate', key: 'nonexistent' as never, input: {} as never }),
    ).rejects.toThrow(/PDF build failed/);
    const next = await builder.build({
      kind: 'blankTemplate',
      key: 'homeCareTime',
      input: { unit: 'Enhet Test', printedBy: 'X', printedAt: PRINTED_AT },
    });
    expect(Buffer.from(next.subarray(0, 4)).toString()).toBe('%PDF');
  });

  it('a worker that ends refuses its waiting jobs, and the next job starts a new one', async () => {
    const waiting = builder.build({
      kind: 'blankTemplate',
      key: 'journalSheet',
      input: { unit: 'Enhet Test', printedBy: 'X', printedAt: PRINTED_AT, pages: 40 },
    });
    const refused = expect(waiting).rejects.toThrow(/closed|exited/);
    await builder.close();
    await refused;
    const after = await builder.build({
      kind: 'blankTemplate',
      key: 'journalSheet',
      input: { unit: 'Enhet Test', printedBy: 'X', printedAt: PRINTED_AT },
    });
    expect(Buffer.from(after.subarray(0, 4)).toString()).toBe('%PDF');
  });
});
