import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { ExportWorkbook } from '../../main/app/export/workbook';
import { makeTempDir } from './tempDir';

/**
 * Every workbook a test writes is kept in test-results/excel/, with LibreOffice's PDF of
 * it and that PDF's first pages as PNG, for a person to look at.
 */
export const EXCEL_DIR = join('test-results', 'excel');

/** The worklist's headings, as a person reads them (the expected words, written out). */
export const worklistHeadings = [
  'Ska vara införd senast',
  'Frist',
  'Register',
  'Datum',
  'Blankettens referens',
  'Klientens namn',
  'Personnummer',
  'Uppgifter',
  'Att göra',
  'Införd ☐',
];

export function keepWorkbook(path: string, name: string): string {
  mkdirSync(EXCEL_DIR, { recursive: true });
  const kept = join(EXCEL_DIR, `${name}.xlsx`);
  copyFileSync(path, kept);
  return kept;
}

/** The workbook as exceljs's own reader sees it. */
/** A workbook of the export's own writer, of a test unit, written to memory (`chunks`). */
export async function workbookInMemory(): Promise<{ workbook: ExportWorkbook; chunks: Buffer[] }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = await ExportWorkbook.open(
    stream,
    {
      unit: 'Enhet Test',
      scope: '',
      exportedBy: 'Maja Enhetschef',
      exportedAt: new Date('2026-11-23T09:00:00Z'),
    },
    { total: null },
  );
  return { workbook, chunks };
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** An inline string (one run of rich text, as the export writes text) as its text. */
export function plain(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value && typeof value === 'object' && 'richText' in value) {
    return value.richText.map((run) => run.text).join('');
  }
  return value;
}

/** A sheet's rows as arrays of cell values, text as text (1-based columns to 0-based). */
export function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    rows[number - 1] = values.slice(1).map(plain);
  });
  return Array.from(rows, (row) => row ?? []);
}

/** LibreOffice Calc, headless: installed by .ci/run (libreoffice-calc-nogui). */
export const soffice = (() => {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
})();

/**
 * Converts a workbook with LibreOffice in a fresh profile set to Swedish (sv-SE), so
 * number formats show as a Swedish reader sees them ("1 500,50 kr"), and concurrent test
 * files never share LibreOffice's profile lock. Returns the files written.
 */
export function convertWithLibreOffice(path: string, filter: string): string[] {
  if (!soffice) throw new Error('soffice is missing');
  const { dir, cleanup } = makeTempDir('reservparm-lo-');
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
</oor:items>
`,
    );
    const out = join(dir, 'out');
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        out,
        path,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const kept = join(EXCEL_DIR, 'libreoffice');
    mkdirSync(kept, { recursive: true });
    return readdirSync(out).map((name) => {
      copyFileSync(join(out, name), join(kept, name));
      return join(kept, name);
    });
  } finally {
    cleanup();
  }
}

/**
 * Every sheet as CSV, the cells as LibreOffice shows them (dates, kronor): the filter's
 * options are comma, double quote, UTF-8, from line 1, …, "as shown", all sheets (-1),
 * one file per sheet named after it.
 */
export function libreOfficeSheets(path: string): Record<string, string[][]> {
  const files = convertWithLibreOffice(
    path,
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
  );
  const stem = basename(path).replace(/\.xlsx$/, '');
  const sheets: Record<string, string[][]> = {};
  for (const file of files.filter((f) => f.endsWith('.csv'))) {
    const name = basename(file).slice(stem.length + 1, -'.csv'.length);
    sheets[name] = parseCsv(readFileSync(file, 'utf8'));
  }
  return sheets;
}

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (char !== '\r') {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The workbook as LibreOffice prints it (PDF, every sheet), its text by pdftotext, and
 * the first pages as PNG at 50 dpi beside it, for a person to look at.
 */
export function libreOfficePdf(path: string): { pdf: string; text: string; pngs: string[] } {
  const [pdf] = convertWithLibreOffice(path, 'pdf').filter((f) => f.endsWith('.pdf'));
  if (!pdf) throw new Error('LibreOffice wrote no PDF');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const base = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-l', '4', pdf, base]);
  const pngs = readdirSync(join(EXCEL_DIR, 'libreoffice'))
    .filter((name) => name.startsWith(basename(base)) && name.endsWith('.png'))
    .map((name) => join(EXCEL_DIR, 'libreoffice', name));
  return { pdf, text, pngs };
}
