import { formatDateTime } from '../../../shared/time';

/** What every printed page of a sheet says about where it comes from. */
export interface PageContext {
  unit: string;
  /** The outage, date range and person the workbook holds ("" for everything). */
  scope: string;
  exportedBy: string;
  exportedAt: Date;
}

/** Excel refuses a header or footer longer than this (its own limit, codes included). */
export const MAX_HEADER_FOOTER = 255;

/**
 * Text in a header or footer, at most `max` characters once coded: "&" starts a code there,
 * so a literal one is doubled; a longer text ends in "…".
 */
function literal(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  let coded = '';
  for (const [index, char] of chars.entries()) {
    const piece = char === '&' ? '&&' : char;
    const room = index === chars.length - 1 ? max : max - 1;
    if (coded.length + piece.length > room) return `${coded}…`;
    coded += piece;
  }
  return coded;
}

/** Small print; the space keeps a text that starts with a digit from reading as the size. */
const small = '&8 ';

/**
 * The page header and footer when a sheet is printed from Excel or LibreOffice, as on the
 * app's PDFs: the unit and the title on top, the selection, who exported it when and
 * "Sida 1 av N" below. Each stays within Excel's 255 characters.
 */
export function headerFooter(
  title: string,
  context: PageContext,
): { oddHeader: string; oddFooter: string } {
  const exported = `Exporterad ${formatDateTime(context.exportedAt)} av ${context.exportedBy}`;
  return {
    oddHeader:
      `&L${small}${literal(context.unit, 50)}&C&B${literal(title, 60)}&B` +
      `&R${small}${literal(context.scope, 80)}`,
    oddFooter: `&L${small}${literal(exported, 120)}&R${small}Sida &P av &N`,
  };
}
