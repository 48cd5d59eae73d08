import { registers, type FieldDefinition, type RegisterKey } from '../../../shared/registers';
import { columnHeadings, fieldHeading } from '../../../shared/registers/headings';
import { embedBarcode } from './barcode';
import { checkBoxes, fieldRow, note, referenceBox, ruledArea, type Cursor } from './blocks';
import { PrintDocument } from './document';
import type { BlankTemplateInput } from './templateInput';

/** The registers with a one-page paper document (decision document, order form, journal sheet). */
export type SheetKey = Extract<RegisterKey, 'decisions' | 'orders' | 'journalNotes'>;

const FIELD_ROW = 38;

/**
 * Blank paper documents of one record each, drawn from the register's definition: its
 * fields as lines to write on (two short ones to a row), choices and yes/no as check
 * boxes, long text as ruled lines. One sheet per reference passed in (its reference
 * printed at the top right, text and barcode), else `pages` sheets.
 */
export async function blankRecordSheets(
  key: SheetKey,
  input: BlankTemplateInput,
): Promise<Uint8Array> {
  const definition = registers[key];
  const sheet = definition.blankSheet!;
  const print = await PrintDocument.create(input, sheet.title);
  const words = { cardProvider: input.cardProvider ?? 'ICA' };
  const fields = definition.fields.filter((f) => !f.computed && !f.onlyWhenAsked);
  const references = input.references ?? [];
  const count = references.length > 0 ? references.length : (input.pages ?? 1);
  for (let i = 0; i < count; i++) {
    const frame = print.addPage({ title: sheet.title, orientation: 'portrait' });
    const cursor: Cursor = { print, frame, y: frame.top };
    const reference = references[i];
    if (reference) {
      referenceBox(cursor, reference, await embedBarcode(print.doc, reference));
      cursor.y -= 42;
    }
    if (sheet.instruction) note(cursor, sheet.instruction);
    cursor.y -= 4;
    fieldRow(cursor, [
      { label: columnHeadings.clientName, weight: 2 },
      { label: columnHeadings.personnummer, weight: 1 },
    ]);
    const main = fields.filter((f) => !f.followUp);
    const later = fields.filter((f) => f.followUp);
    const lines = (sheet.extraLines ?? []).map((label) => ({ label }));
    // What comes below the long text gets its room first.
    const afterLongText = (list: FieldDefinition[]) => {
      const at = list.findIndex((f) => f.kind === 'longText');
      return at < 0 ? [] : list.slice(at + 1);
    };
    const rows = (n: number) => Math.ceil(n / 2) * FIELD_ROW;
    const reserved =
      afterLongText(main).length * FIELD_ROW +
      rows(lines.length) +
      (later.length ? rows(later.length) + 30 : 0) +
      (sheet.notes ? 190 : 0) +
      10;
    drawFields(cursor, main, words, frame.bottom + reserved);
    if (sheet.notes) {
      const below = rows(lines.length) + (later.length ? rows(later.length) + 30 : 0) + 10;
      ruledArea(cursor, sheet.notes, { bottom: frame.bottom + below });
    }
    for (let l = 0; l < lines.length; l += 2) fieldRow(cursor, lines.slice(l, l + 2));
    if (later.length) {
      cursor.y -= 4;
      note(cursor, 'Fylls i av utföraren och efter avbrottet:');
      drawFields(cursor, later, words, frame.bottom);
    }
  }
  return print.save();
}

function drawFields(
  cursor: Cursor,
  fields: readonly FieldDefinition[],
  words: { cardProvider: string },
  longTextBottom: number,
): void {
  let pending: { label: string; weight: number }[] = [];
  const flush = () => {
    if (pending.length) fieldRow(cursor, pending);
    pending = [];
  };
  for (const field of fields) {
    const label = fieldHeading(field, words);
    if (field.kind === 'longText') {
      flush();
      ruledArea(cursor, label, { bottom: longTextBottom });
    } else if (field.kind === 'flag') {
      flush();
      checkBoxes(cursor, `${label}:`, ['Ja', 'Nej']);
    } else if (field.kind === 'choice') {
      flush();
      checkBoxes(
        cursor,
        `${label}:`,
        (field.options ?? []).map((o) => o.label),
      );
    } else {
      pending.push({ label, weight: field.kind === 'text' ? 2 : 1 });
      if (pending.length === 2) flush();
    }
  }
  flush();
}
