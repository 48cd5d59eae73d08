import { custodianColumns } from '../../../shared/custodians';
import { appendixListTitle } from '../../../shared/printing';
import { registers, type RegisterKey } from '../../../shared/registers';
import { blankFormColumns, columnHeadings, printTitle } from '../../../shared/registers/headings';
import { usbReceiptColumns } from '../../../shared/usbReceipts';
import { embedBarcode } from './barcode';
import { columnWeight, commonWeights } from './columns';
import { PrintDocument, type Orientation, type PageHeading } from './document';
import type { BlankTemplateInput } from './templateInput';
import { drawTable, type TableColumn, type TableRow } from './table';

/** Rows of a blank register form on one page, each with its pre-printed reference. */
export const REGISTER_ROWS_PER_PAGE = 10;
/** Bilaga 1 and 2 have no references: lower rows, as many as a page holds. */
const PLAIN_ROWS_PER_PAGE: Record<Orientation, number> = { portrait: 21, landscape: 13 };

interface RuledForm {
  title: string;
  orientation: Orientation;
  columns: TableColumn[];
  /** Rows carry the references passed in. */
  withReferences: boolean;
}

/**
 * A blank list with ruled rows to write in by hand. With references, one row per
 * reference (text and Code 128 in the first column), ten to a page; without, `pages`
 * pages of empty rows.
 */
async function ruledForm(form: RuledForm, input: BlankTemplateInput): Promise<Uint8Array> {
  const print = await PrintDocument.create(input, form.title);
  const references = form.withReferences ? (input.references ?? []) : [];
  const perPage = form.withReferences
    ? REGISTER_ROWS_PER_PAGE
    : PLAIN_ROWS_PER_PAGE[form.orientation];
  const rowCount = references.length > 0 ? references.length : perPage * (input.pages ?? 1);
  const columns: TableColumn[] = form.withReferences
    ? [{ header: columnHeadings.reference, weight: commonWeights.reference }, ...form.columns]
    : form.columns;
  const rows: TableRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    const reference = references[i];
    rows.push({
      cells: columns.map((_, c) => (c === 0 && reference ? reference : '')),
      barcode: reference ? await embedBarcode(print.doc, reference) : undefined,
    });
  }
  const heading: PageHeading = {
    title: form.title,
    orientation: form.orientation,
    caseWorkerLine: true,
  };
  const next = print.continuation(heading);
  // A row as tall as a reference with its barcode, whether or not references are printed,
  // so a page always holds the same number of rows.
  const rowHeight = form.withReferences ? 36 : 30;
  drawTable(print, print.addPage(heading), next, columns, rows, {
    size: 8,
    minRowHeight: rowHeight,
  });
  return print.save();
}

/** Bilaga 3, 4 and 5: the register's blank form, its columns from the register definition. */
export function blankRegisterForm(
  key: RegisterKey,
  input: BlankTemplateInput,
): Promise<Uint8Array> {
  const definition = registers[key];
  const words = { cardProvider: input.cardProvider ?? 'ICA' };
  const columns = blankFormColumns(definition, words).map((column) => ({
    header: column.heading,
    weight: columnWeight(column),
    hint: column.kind === 'field' ? column.field.hint : undefined,
  }));
  return ruledForm(
    {
      title: `Bilaga ${definition.blankForm!.appendix}: ${printTitle(definition, words)}`,
      orientation: 'landscape',
      columns,
      withReferences: true,
    },
    input,
  );
}

/** Bilaga 1: Kassaförvaltare. */
export const blankCustodians = (input: BlankTemplateInput) =>
  ruledForm(
    {
      title: appendixListTitle('custodians'),
      orientation: 'portrait',
      columns: custodianColumns.map((c) => ({ header: c.label, weight: 1 })),
      withReferences: false,
    },
    input,
  );

/** Bilaga 2: Kvittenslista för USB-minnen, with the certification column. */
export const blankUsbReceipts = (input: BlankTemplateInput) =>
  ruledForm(
    {
      title: appendixListTitle('usbReceipts'),
      orientation: 'landscape',
      columns: usbReceiptColumns.map((c) => ({
        header: c.label,
        weight: c.key === 'returned' ? 3 : c.key === 'receiver' ? 2 : 1.3,
      })),
      withReferences: false,
    },
    input,
  );
