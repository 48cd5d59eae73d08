import { custodianColumns } from '../../../shared/custodians';
import { appendixListTitle } from '../../../shared/printing';
import { registers, type RegisterKey } from '../../../shared/registers';
import { blankFormColumns, columnHeadings, printTitle } from '../../../shared/registers/headings';
import { usbReceiptColumns } from '../../../shared/usbReceipts';
import { embedBarcode } from './barcode';
import { columnWeight, commonWeights, custodianWeights, usbReceiptWeights } from './columns';
import { PrintDocument, type Orientation, type PageHeading } from './document';
import type { BlankTemplateInput } from './templateInput';
import { drawTable, headerHeight, type TableColumn, type TableRow } from './table';

/** Rows of a blank register form on one page, each with its pre-printed reference. */
export const REGISTER_ROWS_PER_PAGE = 10;

interface RuledForm {
  title: string;
  orientation: Orientation;
  columns: TableColumn[];
  /** Rows carry the references passed in. */
  withReferences: boolean;
}

/** As tall as a reference with its barcode; rows without one are lower. */
const ROW_HEIGHT = { withReferences: 36, plain: 30 };
const SIZE = 8;

/**
 * A blank list with ruled rows to write in by hand. With references, one row per
 * reference (text and Code 128 in the first column), ten to a page; without (Bilaga 1
 * and 2), `pages` pages of empty rows, as many as a page holds under its heading.
 */
async function ruledForm(form: RuledForm, input: BlankTemplateInput): Promise<Uint8Array> {
  const print = await PrintDocument.create(input, form.title);
  const references = form.withReferences ? (input.references ?? []) : [];
  const columns: TableColumn[] = form.withReferences
    ? [{ header: columnHeadings.reference, weight: commonWeights.reference }, ...form.columns]
    : form.columns;
  const heading: PageHeading = {
    title: form.title,
    orientation: form.orientation,
    caseWorkerLine: true,
  };
  const first = print.addPage(heading);
  const rowHeight = form.withReferences ? ROW_HEIGHT.withReferences : ROW_HEIGHT.plain;
  const perPage = form.withReferences
    ? REGISTER_ROWS_PER_PAGE
    : Math.floor(
        (first.top - first.bottom - headerHeight(print, columns, first.width, SIZE)) / rowHeight,
      );
  const rowCount = references.length > 0 ? references.length : perPage * (input.pages ?? 1);
  const rows: TableRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    const reference = references[i];
    rows.push({
      cells: columns.map((_, c) => (c === 0 && reference ? reference : '')),
      barcode: reference ? await embedBarcode(print.doc, reference) : undefined,
    });
  }
  drawTable(print, first, print.continuation(heading), columns, rows, {
    size: SIZE,
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
      columns: custodianColumns.map((c) => ({ header: c.label, weight: custodianWeights[c.key] })),
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
        weight: usbReceiptWeights[c.key],
        hint: 'hint' in c ? c.hint : undefined,
      })),
      withReferences: false,
    },
    input,
  );
