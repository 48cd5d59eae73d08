import { handSheetTitles } from '../../../shared/printing';
import { columnHeadings } from '../../../shared/registers/headings';
import { fieldRow, note, type Cursor } from './blocks';
import { PrintDocument, type Orientation, type PageHeading } from './document';
import { drawTable, type TableColumn } from './table';
import type { BlankTemplateInput } from './templateInput';

/**
 * Sheets that are no register of the app, filled in by hand and entered by someone else
 * afterwards: the home care time sheet and the signing lists kept in the patient's home
 * binder (Söderköping 5.3, 5.5). Their columns are the paper forms' and live only here.
 */
interface HandSheet {
  title: string;
  orientation: Orientation;
  instruction: string;
  /** Write-in lines above the table, a row each. */
  fields: readonly (readonly { label: string; weight?: number }[])[];
  columns: readonly TableColumn[];
  rowHeight: number;
}

const days = Array.from({ length: 31 }, (_, i) => ({ header: String(i + 1), weight: 0.55 }));

const sheets = {
  homeCareTime: {
    title: handSheetTitles.homeCareTime,
    orientation: 'landscape',
    instruction:
      'Hemtjänstpersonalen skriver den tid som utförts hos varje klient. Arbetsledaren registrerar tiden i verksamhetssystemet när det är i bruk igen.',
    fields: [[{ label: 'Medarbetare', weight: 2 }, { label: 'Datum' }, { label: 'Arbetspass' }]],
    columns: [
      { header: columnHeadings.clientName, weight: 2.2 },
      { header: columnHeadings.personnummer, weight: 1.5 },
      { header: 'Insats', weight: 2.4 },
      { header: 'Tid från', weight: 0.9 },
      { header: 'Tid till', weight: 0.9 },
      { header: 'Total tid (min)', weight: 1 },
      { header: 'Signatur', weight: 1 },
    ],
    rowHeight: 26,
  },
  medicationSigning: {
    title: handSheetTitles.medicationSigning,
    orientation: 'landscape',
    instruction:
      'Signera varje given dos under dagens datum. Förvaras i patientens hemmapärm och registreras i verksamhetssystemet i efterhand.',
    fields: [
      [
        { label: 'Patientens namn', weight: 2 },
        { label: columnHeadings.personnummer },
        { label: 'Månad och år' },
        { label: 'Ansvarig sjuksköterska', weight: 2 },
      ],
    ],
    columns: [
      { header: 'Läkemedel, styrka', weight: 3 },
      { header: 'Dos', weight: 0.9 },
      { header: 'Kl.', weight: 0.8 },
      ...days,
    ],
    rowHeight: 24,
  },
  rehabSigning: {
    title: handSheetTitles.rehabSigning,
    orientation: 'landscape',
    instruction:
      'Signera varje utförd insats under dagens datum. Förvaras i patientens hemmapärm och registreras i verksamhetssystemet i efterhand.',
    fields: [
      [
        { label: 'Patientens namn', weight: 2 },
        { label: columnHeadings.personnummer },
        { label: 'Månad och år' },
        { label: 'Ansvarig fysioterapeut/arbetsterapeut', weight: 2 },
      ],
    ],
    columns: [
      { header: 'Insats/åtgärd', weight: 3 },
      { header: 'Frekvens', weight: 1.3 },
      { header: 'Kl.', weight: 0.8 },
      ...days,
    ],
    rowHeight: 24,
  },
} as const satisfies Record<string, HandSheet>;

export type HandSheetKey = keyof typeof sheets;

export const handSheetTitle = (key: HandSheetKey) => sheets[key].title;

/** A hand sheet, `pages` pages of empty rows (default 1). */
export async function blankHandSheet(
  key: HandSheetKey,
  input: BlankTemplateInput,
): Promise<Uint8Array> {
  const sheet: HandSheet = sheets[key];
  const print = await PrintDocument.create(input, sheet.title);
  const heading: PageHeading = { title: sheet.title, orientation: sheet.orientation };
  for (let p = 0; p < (input.pages ?? 1); p++) {
    const frame = print.addPage(heading);
    const cursor: Cursor = { print, frame, y: frame.top };
    note(cursor, sheet.instruction);
    for (const row of sheet.fields) fieldRow(cursor, row);
    // One page of rows: as many as fit below the fields.
    const rows = Math.floor((cursor.y - frame.bottom - 40) / sheet.rowHeight);
    const blank = { cells: sheet.columns.map(() => '') };
    drawTable(
      print,
      { ...frame, top: cursor.y - 4 },
      print.continuation(heading),
      sheet.columns,
      Array.from({ length: rows }, () => blank),
      { size: 8, minRowHeight: sheet.rowHeight },
    );
  }
  return print.save();
}
