import { AUDIT_LOG_TITLE, changeLines, subjectLines } from '../../../shared/audit/describe';
import type { DescribedAuditEntry } from '../../../shared/audit/entry';
import { countOf } from '../../../shared/swedishText';
import type { PrintContext } from './document';
import { buildListDocument } from './listDocument';
import type { TableColumn, TableRow } from './table';

export interface AuditLogListOptions extends PrintContext {
  /** The filters in words ("person Maja Enhetschef, 2026-11-01 – 2026-11-30"). */
  subtitle: string;
  entries: DescribedAuditEntry[];
  /** How many entries matched in all (the PDF holds them all; see MAX_AUDIT_PDF_ENTRIES). */
  total: number;
}

/** The Händelselogg's columns on paper: the screen's, the details as lines of text. */
const columns: TableColumn[] = [
  { header: 'Tidpunkt', weight: 1.3, keepWhole: '2026-11-23 10:45' },
  { header: 'Vem', weight: 1.5 },
  { header: 'Händelse', weight: 2 },
  { header: 'Post och klient', weight: 2.6 },
  { header: 'Vad som ändrades', weight: 4.6 },
];

/** The filtered Händelselogg as a landscape list, newest first, as on screen. */
export function buildAuditLogList(options: AuditLogListOptions): Promise<Uint8Array> {
  const rows: TableRow[] = options.entries.map((entry) => ({
    cells: [
      entry.when,
      entry.actor,
      entry.event,
      subjectLines(entry).join('\n'),
      changeLines(entry).join('\n'),
    ],
  }));
  rows.push({
    cells: [
      options.total === 0
        ? 'Inga händelser i urvalet.'
        : `Totalt: ${countOf(options.total, 'händelse', 'händelser')}`,
      ...Array<string>(columns.length - 1).fill(''),
    ],
    span: true,
    bold: true,
  });
  return buildListDocument({ ...options, subtitle: options.subtitle }, AUDIT_LOG_TITLE, [
    { title: AUDIT_LOG_TITLE, columns, rows, orientation: 'landscape' },
  ]);
}
