import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';

/**
 * Every PDF a test builds is kept in test-results/pdf/ with its first pages as PNG, for a
 * person to look at; the checks read the PDF back with poppler (pdftotext, pdftoppm).
 */
export const PDF_DIR = join('test-results', 'pdf');

export interface ReadPdf {
  path: string;
  pages: number;
  /** `pdftotext -layout`, one string per page. */
  pageTexts: string[];
  text: string;
  /** `pdftotext -raw`: in drawing order, so a wrapped cell reads as one sentence. */
  raw: string;
}

export async function keepAndRead(name: string, bytes: Uint8Array): Promise<ReadPdf> {
  mkdirSync(PDF_DIR, { recursive: true });
  const path = join(PDF_DIR, `${name}.pdf`);
  writeFileSync(path, bytes);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const raw = execFileSync('pdftotext', ['-raw', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const pageTexts = text.split('\f');
  if (pageTexts.at(-1)!.trim() === '') pageTexts.pop();
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  // Pages to look at (the first five): test-results/pdf/<name>-1.png …
  execFileSync('pdftoppm', ['-r', '60', '-png', '-l', '5', path, path.replace(/\.pdf$/, '')]);
  return { path, pages, pageTexts, text, raw };
}

/**
 * Page 1 rendered at 50 dpi (the PNG kept beside the PDF), and the spread of its grey
 * levels: 0 for a blank page. Read from a PGM rendering of the same page, which needs no
 * PNG decoder.
 */
export function renderFirstPage(path: string): { png: string; variance: number } {
  const base = path.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', path, base]);
  execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', '-singlefile', path, base]);
  const pgm = readFileSync(`${base}.pgm`);
  // "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  let sum = 0;
  let squares = 0;
  for (const value of pixels) {
    sum += value;
    squares += value * value;
  }
  const mean = sum / pixels.length;
  return { png: `${base}.png`, variance: squares / pixels.length - mean * mean };
}

export interface PageWords {
  width: number;
  height: number;
  words: { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[];
}

/** Every word's box on every page as poppler lays the glyphs out (`pdftotext -bbox`). */
export function wordBoxes(path: string): PageWords[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const number = (attributes: string, name: string) =>
    Number(new RegExp(`${name}="([\\d.]+)"`).exec(attributes)![1]);
  return html
    .split('<page ')
    .slice(1)
    .map((page) => ({
      width: number(page, 'width'),
      height: number(page, 'height'),
      words: [...page.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((m) => ({
        text: m[2]!,
        xMin: number(m[1]!, 'xMin'),
        xMax: number(m[1]!, 'xMax'),
        yMin: number(m[1]!, 'yMin'),
        yMax: number(m[1]!, 'yMax'),
      })),
    }));
}
