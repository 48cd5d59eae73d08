import {
  beginText,
  endText,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type Color,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { formatDateTime } from '../../../shared/time';
import { embedFonts, type Fonts } from './fonts';
import { truncateText, wrapLines, wrapText } from './layout';

/** Who prints, for whom and when: on every page of every document. */
export interface PrintContext {
  /** The unit's name, at the top of every page. */
  unit: string;
  /** Full name of the person printing. */
  printedBy: string;
  /** When (an instant, from the caller's clock); shown in office time. */
  printedAt: Date | string;
}

export type Orientation = 'portrait' | 'landscape';

const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 36;
const FOOTER = 30;
/** The most lines a page's heading gives each of its parts; more ends in "…". */
const HEADER_LINES = { unit: 2, title: 3, subtitle: 3 };

export const ink = rgb(0, 0, 0);
export const grey = rgb(0.45, 0.45, 0.45);
export const rule = rgb(0.55, 0.55, 0.55);
export const headerFill = rgb(0.9, 0.9, 0.9);

/** A page with its frame drawn: where its content may go. */
export interface FramedPage {
  page: PDFPage;
  left: number;
  right: number;
  /** The first baseline area below the frame's header (y grows upwards). */
  top: number;
  /** The lowest y content may reach, above the footer. */
  bottom: number;
  width: number;
}

export interface PageHeading {
  /** The document's title, e.g. "Bilaga 3: Manuell förteckning av fattade beslut". */
  title: string;
  /** A line under the title (the outage, a filter). */
  subtitle?: string;
  /** "Handläggare: ____" at the top, as on the plan's forms. */
  caseWorkerLine?: boolean;
  orientation: Orientation;
}

/**
 * One printed document: A4 pages with the unit's name and title at the top, and at the
 * bottom who printed it, when, and "Sida 1 av N" (written when the page count is known).
 */
export class PrintDocument {
  readonly pages: PDFPage[] = [];
  private readonly texts = new Map<PDFPage, TextRun>();

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly context: PrintContext,
  ) {}

  static async create(context: PrintContext, title: string): Promise<PrintDocument> {
    const doc = await PDFDocument.create();
    doc.setTitle(title);
    doc.setLanguage('sv-SE');
    doc.setProducer('Reservpärm');
    doc.setCreator('Reservpärm');
    // The metadata dates are the printing time too: a PDF saved twice from the same data
    // is the same file.
    const at = new Date(context.printedAt);
    doc.setCreationDate(at);
    doc.setModificationDate(at);
    return new PrintDocument(doc, await embedFonts(doc), context);
  }

  /**
   * Draws text the fonts can draw (see `printable`). A page's text is written as one text
   * object when the document is saved, over its lines and fills: `drawText` wraps every
   * string in its own graphics state and text object, which made a 10 000-row register
   * three times slower and its content streams twice as large.
   */
  text(
    page: PDFPage,
    text: string,
    x: number,
    y: number,
    options: { size: number; bold?: boolean; color?: Color },
  ): void {
    const printable = this.fonts.printable(text);
    if (printable === '') return;
    const font = this.font(options.bold);
    let run = this.texts.get(page);
    if (!run) {
      run = { operators: [], fontKeys: new Map() };
      this.texts.set(page, run);
    }
    let key = run.fontKeys.get(font);
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref);
      run.fontKeys.set(font, key);
    }
    if (run.font !== key || run.size !== options.size) {
      run.operators.push(setFontAndSize(key, options.size));
      run.font = key;
      run.size = options.size;
    }
    const color = options.color ?? ink;
    if (run.color !== color) {
      run.operators.push(setFillingColor(color));
      run.color = color;
    }
    run.operators.push(setTextMatrix(1, 0, 0, 1, x, y), showText(font.encodeText(printable)));
  }

  font(bold = false): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Width of text as drawn (after `printable`). */
  widthOf(text: string, size: number, bold = false): number {
    return this.font(bold).widthOfTextAtSize(this.fonts.printable(text), size);
  }

  /** Lines of text wrapped to a width, as drawn. */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    const font = this.font(bold);
    return wrapText(this.fonts.printable(text), width, (t) => font.widthOfTextAtSize(t, size));
  }

  /** Wrapped to at most `maxLines` lines, the last ending in "…" if the text goes on. */
  wrapAtMost(text: string, width: number, size: number, maxLines: number, bold = false): string[] {
    const font = this.font(bold);
    return wrapLines(this.fonts.printable(text), width, maxLines, (t) =>
      font.widthOfTextAtSize(t, size),
    );
  }

  /** One line no wider than `width`, cut with "…" if need be. */
  truncate(text: string, width: number, size: number, bold = false): string {
    const font = this.font(bold);
    return truncateText(this.fonts.printable(text), width, (t) => font.widthOfTextAtSize(t, size));
  }

  /** A new page with its frame: unit, title (wrapped), subtitle and the case worker line. */
  addPage(heading: PageHeading): FramedPage {
    const [w, h] = heading.orientation === 'portrait' ? A4 : [A4[1], A4[0]];
    const page = this.doc.addPage([w, h]);
    this.pages.push(page);
    return this.frame(heading, page);
  }

  /** Pages that continue a table under the same heading, and the room each one has. */
  continuation(heading: PageHeading): { room: number; add: () => FramedPage } {
    const probe = this.frame(heading, null);
    return { room: probe.top - probe.bottom, add: () => this.addPage(heading) };
  }

  /** Lays out (and, given a page, draws) the frame's heading. */
  private frame(heading: PageHeading, page: PDFPage | null): FramedPage {
    const [w, h] = heading.orientation === 'portrait' ? A4 : [A4[1], A4[0]];
    const draw = (
      text: string,
      x: number,
      y: number,
      options: Parameters<PrintDocument['text']>[4],
    ) => {
      if (page) this.text(page, text, x, y, options);
    };
    const left = MARGIN;
    const right = w - MARGIN;
    // Whatever the unit, the title or the filter is called, the heading stays within the
    // page's width and takes at most a few lines.
    let y = h - MARGIN - 9;
    for (const line of this.wrapAtMost(this.context.unit, right - left, 9, HEADER_LINES.unit)) {
      draw(line, left, y, { size: 9, color: grey });
      y -= 11;
    }
    y -= 9;
    const title = this.wrapAtMost(heading.title, right - left, 15, HEADER_LINES.title, true);
    for (const line of title) {
      draw(line, left, y, { size: 15, bold: true });
      y -= 19;
    }
    if (heading.subtitle) {
      const lines = this.wrapAtMost(heading.subtitle, right - left, 9.5, HEADER_LINES.subtitle);
      for (const line of lines) {
        draw(line, left, y + 4, { size: 9.5 });
        y -= 13;
      }
    }
    if (heading.caseWorkerLine) {
      y -= 6;
      draw('Handläggare:', left, y, { size: 10 });
      const start = left + this.widthOf('Handläggare:', 10) + 6;
      page?.drawLine({
        start: { x: start, y: y - 2 },
        end: { x: start + 220, y: y - 2 },
        color: ink,
        thickness: 0.6,
      });
      y -= 14;
    }
    return {
      page: page as PDFPage,
      left,
      right,
      top: y - 4,
      bottom: MARGIN + FOOTER,
      width: right - left,
    };
  }

  /** Writes every page's footer (now that N is known) and the PDF's bytes. */
  async save(): Promise<Uint8Array> {
    const total = this.pages.length;
    const printed = `Utskriven ${formatDateTime(this.context.printedAt)} av ${this.context.printedBy}`;
    // The widest page number, so "who printed" never runs into it on any page.
    const numberRoom = this.widthOf(`Sida ${total} av ${total}`, 8) + 12;
    this.pages.forEach((page, index) => {
      const { width } = page.getSize();
      const y = MARGIN;
      page.drawLine({
        start: { x: MARGIN, y: y + 12 },
        end: { x: width - MARGIN, y: y + 12 },
        color: rule,
        thickness: 0.4,
      });
      this.text(page, this.truncate(printed, width - 2 * MARGIN - numberRoom, 8), MARGIN, y, {
        size: 8,
        color: grey,
      });
      const number = `Sida ${index + 1} av ${total}`;
      this.text(page, number, width - MARGIN - this.widthOf(number, 8), y, { size: 8 });
    });
    for (const [page, run] of this.texts) {
      page.pushOperators(
        pushGraphicsState(),
        beginText(),
        ...run.operators,
        endText(),
        popGraphicsState(),
      );
    }
    this.texts.clear();
    return this.doc.save({ useObjectStreams: true });
  }
}

/** The text of one page, gathered until the document is saved. */
interface TextRun {
  operators: PDFOperator[];
  fontKeys: Map<PDFFont, PDFName>;
  font?: PDFName;
  size?: number;
  color?: Color;
}
