import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE } from '../support/app';
import { bundleForNode } from '../support/bundle';
import {
  filesUnder,
  nameNeedle,
  needlesIn,
  personnummerNeedle,
  searchFiles,
  type Needle,
} from '../support/plainText';
import { makeTempDir } from '../support/tempDir';

interface Written {
  workbook: string;
  pdf: string;
  setup: string;
  transfer: string;
  backup: string;
  office: string;
  laptop: string;
  /** Where the worker's own temporary files go: the folder given as TMPDIR. */
  tmpdir: string;
}

/**
 * Nothing in plain text (issue 11, item 6). A child (test/support/plainTextWorker.ts) fills
 * a database through the demo, sets up a laptop from it, records the demo's clients there,
 * brings them back in a transfer file, exports the registers to Excel, saves a register as
 * PDF and makes a backup, all through the real router, with TMPDIR pointed at a folder of
 * this test. Then every byte of every file it wrote or touched is searched for the demo's
 * names and personnummer: with the databases open (WAL and SHM beside them) and again
 * after they are closed. Only the Excel and PDF files a person chose to write may hold
 * them, and must: the same search finds the names there once the workbook is unzipped and
 * the PDF's text is read with pdftotext (its streams are compressed, so the raw bytes
 * would prove nothing).
 */
describe('nothing in plain text', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('no name or personnummer of the demo in any file but the chosen Excel and PDF', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const work = join(temp.dir, 'work');
    const tmp = join(temp.dir, 'tmp');
    mkdirSync(work);
    mkdirSync(tmp);
    const worker = await bundleForNode(
      join(import.meta.dirname, '../support/plainTextWorker.ts'),
      join(temp.dir, 'bundle', 'worker.mjs'),
    );

    const child = spawn(process.execPath, [worker, work, PASSPHRASE], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, SQLITE_TMPDIR: tmp },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const lines: string[] = [];
    const waitFor = (wanted: string) =>
      new Promise<void>((resolve, reject) => {
        let buffer = '';
        const onData = (chunk: Buffer) => {
          buffer += chunk.toString();
          const complete = buffer.split('\n');
          buffer = complete.pop()!;
          lines.push(...complete);
          if (complete.includes(wanted)) {
            child.stdout.off('data', onData);
            resolve();
          }
        };
        child.stdout.on('data', onData);
        void exited.then((code) => reject(new Error(`the worker ended (${code}): ${stderr}`)));
      });
    const value = (prefix: string) =>
      JSON.parse(lines.find((line) => line.startsWith(`${prefix} `))!.slice(prefix.length + 1));

    await waitFor('OPEN');
    const { clients, staff } = value('NEEDLES') as {
      clients: { name: string; personnummer: string | null }[];
      staff: string[];
    };
    const written = value('FILES') as Written;
    expect(written.tmpdir).toBe(tmp);
    const names = [...new Set(clients.map((c) => c.name))];
    const numbers = [...new Set(clients.flatMap((c) => (c.personnummer ? [c.personnummer] : [])))];
    // The demo's many invented clients, not a handful that could miss by luck.
    expect(names.length).toBeGreaterThan(100);
    expect(numbers.length).toBeGreaterThan(100);
    const needles: Needle[] = [
      ...names.map(nameNeedle),
      ...staff.map(nameNeedle),
      ...numbers.map(personnummerNeedle),
    ];

    // What a person chose to write: the workbook, the register PDF, the demo's own PDFs.
    const chosen = (file: string) =>
      file === written.workbook ||
      file === written.pdf ||
      (file.startsWith(join(work, 'office', 'pdf')) && file.endsWith('.pdf'));
    const searched = () => [...filesUnder(work), ...filesUnder(tmp)].filter((f) => !chosen(f));
    const shown = (hits: { file: string; found: string[] }[]) =>
      hits.map(({ file, found }) => `${relative(temp.dir, file)}: ${found.slice(0, 5).join(', ')}`);

    // With both databases open: their WAL and SHM are there and searched too.
    const whileOpen = searched();
    for (const file of [
      written.office,
      `${written.office}-wal`,
      `${written.office}-shm`,
      written.laptop,
      `${written.laptop}-wal`,
      written.setup!,
      written.transfer!,
      written.backup,
    ]) {
      expect(whileOpen, 'searched while open').toContain(file);
    }
    expect(shown(searchFiles(whileOpen, needles)), 'while the databases are open').toEqual([]);

    child.stdin.end('close\n');
    await waitFor('CLOSED');
    expect(await exited).toBe(0);
    const afterClose = searched();
    expect(afterClose).toContain(written.office);
    expect(shown(searchFiles(afterClose, needles)), 'after closing').toEqual([]);
    console.log(
      `nothing in plain text: ${needles.length} names and personnummer, searched in ` +
        `${new Set([...whileOpen, ...afterClose]).size} files; the temporary folder held ` +
        `${JSON.stringify(filesUnder(tmp).map((f) => relative(tmp, f)))}`,
    );

    // The search does find them where a person chose to write them.
    expect(existsSync(written.workbook)).toBe(true);
    const unzipped = execFileSync('unzip', ['-p', written.workbook], {
      maxBuffer: 256 * 1024 * 1024,
    });
    const inWorkbook = needlesIn(unzipped, needles);
    expect(
      names.filter((name) => !inWorkbook.includes(name)),
      'names in the workbook',
    ).toEqual([]);
    expect(
      numbers.filter((number) => !inWorkbook.includes(number)),
      'personnummer in the workbook',
    ).toEqual([]);
    // Compressed, the workbook's bytes show nothing: the unzipping is what finds them.
    expect(needlesIn(readFileSync(written.workbook), needles)).toEqual([]);
    const pdfText = execFileSync('pdftotext', [written.pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const inPdf = needlesIn(pdfText, needles);
    expect(inPdf.filter((label) => names.includes(label)).length).toBeGreaterThan(10);
    expect(inPdf.filter((label) => numbers.includes(label)).length).toBeGreaterThan(10);
  }, 300_000);
});
