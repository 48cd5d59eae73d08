import { PrintDocument, type Orientation, type PageHeading, type PrintContext } from './document';
import { drawTable, type TableColumn, type TableRow } from './table';

/** One filled list of a document: its title over its table, from a new page. */
export interface ListSection {
  title: string;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  orientation: Orientation;
}

/**
 * A document of filled lists (a register, Bilaga 1 or 2, every list of an outage): each
 * section starts on a new page under its own title and `subtitle`; one page numbering for
 * the whole.
 */
export async function buildListDocument(
  context: PrintContext & { subtitle?: string },
  title: string,
  sections: readonly ListSection[],
): Promise<Uint8Array> {
  const print = await PrintDocument.create(context, title);
  for (const section of sections) {
    const heading: PageHeading = {
      title: section.title,
      subtitle: context.subtitle,
      orientation: section.orientation,
    };
    drawTable(
      print,
      print.addPage(heading),
      print.continuation(heading),
      section.columns,
      section.rows,
      { size: 7.5 },
    );
  }
  return print.save();
}
