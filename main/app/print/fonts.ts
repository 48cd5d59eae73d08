import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont, Glyph } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { fontBytes, type FontFace } from './fontFiles';

/**
 * pdf-lib lays out every string with fontkit's OpenType shaping (about 0.1 ms a string,
 * seconds for a 10 000-row register) and then writes the glyphs into the content stream
 * with the font's own advance widths: the shaping's kerning never reaches the page. A
 * layout glyph by glyph from a cache therefore measures exactly what is drawn, at the cost
 * of a map lookup. Text is NFC-normalized first (see `printable`), so precomposed letters
 * need no shaping.
 */
const glyphByGlyph = {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont {
    const font = fontkit.create(buffer, postscriptName);
    const glyphs = new Map<number, Glyph>();
    const glyphOf = (codePoint: number) => {
      let glyph = glyphs.get(codePoint);
      if (!glyph) {
        glyph = font.glyphForCodePoint(codePoint);
        glyphs.set(codePoint, glyph);
      }
      return glyph;
    };
    font.layout = ((text: string) => {
      const run: Glyph[] = [];
      for (const char of text) run.push(glyphOf(char.codePointAt(0)!));
      return { glyphs: run };
    }) as unknown as FontkitFont['layout'];
    return font;
  },
};

/** The two faces every document uses, and what they can draw. */
export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Text with what the font cannot draw replaced, so drawing never throws. */
  printable(text: string): string;
}

const characterSets = new Map<FontFace, Set<number>>();

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(glyphByGlyph as never);
  // Subsetting keeps a 10 000-row register small; DejaVu subsets cleanly (pdf-lib#207 is
  // about other fonts), which the print tests check by reading every PDF back.
  const [regular, bold] = await Promise.all([
    doc.embedFont(fontBytes('regular'), { subset: true }),
    doc.embedFont(fontBytes('bold'), { subset: true }),
  ]);
  for (const [face, font] of [
    ['regular', regular],
    ['bold', bold],
  ] as const) {
    if (!characterSets.has(face)) characterSets.set(face, new Set(font.getCharacterSet()));
  }
  // Bold has fewer glyphs than regular: check against both, so one text suits either.
  const regularSet = characterSets.get('regular')!;
  const boldSet = characterSets.get('bold')!;
  const drawable = (codePoint: number) => regularSet.has(codePoint) && boldSet.has(codePoint);
  return { regular, bold, printable: (text) => printableText(text, drawable) };
}

/**
 * Text the fonts can draw: NFC first (a decomposed "ő" becomes one letter), tabs and
 * other controls become spaces, line breaks stay (the layout breaks lines there), and a
 * character without a glyph becomes its base letter ("ǖ" → "u") or else "?". Never throws:
 * a name from any language prints, at worst with a question mark.
 */
export function printableText(text: string, drawable: (codePoint: number) => boolean): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0)!;
    if (char === '\n') out += char;
    else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) out += ' ';
    else if (drawable(codePoint)) out += char;
    else {
      const base = char.normalize('NFD').codePointAt(0)!;
      out += base !== codePoint && drawable(base) ? String.fromCodePoint(base) : '?';
    }
  }
  return out;
}
