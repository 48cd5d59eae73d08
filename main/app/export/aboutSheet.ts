import { exportTitles, type ExportKind } from '../../../shared/exports';
import { dateTimeCell, textCell, type ExcelCell } from './cells';
import { countWords } from '../print/payoutPeriods';
import type { ExportScope } from './scope';
import type { ExportWorkbook } from './workbook';

/** The last sheet's own name. */
export const ABOUT_SHEET = 'Om exporten';

/**
 * Where the workbook comes from and what it holds, for whoever finds it later on a USB
 * stick: the unit, the selection, who exported it when, each sheet's rows, and that it
 * is personal data in plain text, to be deleted once entered (the plan's rule).
 */
export function writeAboutSheet(
  workbook: ExportWorkbook,
  kind: ExportKind,
  scope: ExportScope,
): void {
  writeAbout(workbook, {
    title: exportTitles[kind],
    selection: scope.description || 'Alla poster',
    context: scope.context,
    note:
      'Filen innehåller personuppgifter och är inte krypterad. Spara den på ett krypterat ' +
      'USB-minne eller i H-katalogen, och radera den när uppgifterna är införda i ' +
      'verksamhetssystemet.',
  });
}

/** What the sheet about an export says: what it is, the selection, and a warning. */
export interface AboutExport {
  title: string;
  selection: string;
  context: ExportScope['context'];
  /** Where the file may be kept and when to delete it. */
  note: string;
}

/** The sheet about any export (the registers, the worklist, the Händelselogg). */
export function writeAbout(workbook: ExportWorkbook, about: AboutExport): void {
  const { context } = about;
  const columns = [
    { header: 'Uppgift', width: 22 },
    { header: 'Innehåll', width: 90, wrap: true },
  ];
  const rows: [string, ExcelCell][] = [
    ['Enhet', textCell(context.unit)],
    ['Innehåll', textCell(about.title)],
    ['Urval', textCell(about.selection)],
    ['Exporterad', dateTimeCell(context.exportedAt)],
    ['Exporterad av', textCell(context.exportedBy)],
    ...workbook.sheets.map((s): [string, ExcelCell] => [
      `Blad ”${s.name}”`,
      textCell(countWords(s.rows)),
    ]),
    ['Obs!', textCell(about.note)],
  ];
  const sheet = workbook.addSheet(ABOUT_SHEET, columns, { kind: 'about' });
  for (const [label, cell] of rows) sheet.add([textCell(label), cell]);
  sheet.finish();
}
