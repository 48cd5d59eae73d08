import { describe, expect, it } from 'vitest';
import { textCell } from '../../main/app/export/cells';
import { MAX_ZIP_BACKLOG } from '../../main/app/export/workbook';
import { workbookInMemory } from '../support/excel';

/**
 * exceljs gives a sheet's XML to the zip without backpressure (exceljs #734): the export
 * waits for the zip after each page of rows, through exceljs's and archiver's internals,
 * which another version of either could change without a word.
 */
describe('Excel backpressure', () => {
  it('keeps what waits for the zip under a megabyte after each page of rows', async () => {
    const { workbook, chunks } = await workbookInMemory();
    const sheet = workbook.addSheet('Test', [{ header: 'Text', width: 60, wrap: true }], {
      kind: 'about',
    });
    // 4 000 characters a row: some 2 MB of XML a page of 500 rows.
    const text = 'Anteckning om ärendet. '.repeat(174);
    const before: number[] = [];
    const after: number[] = [];
    for (let page = 0; page < 6; page++) {
      for (let row = 0; row < 500; row++) sheet.add([textCell(text)]);
      before.push(workbook.zipBacklog);
      await workbook.drain();
      after.push(workbook.zipBacklog);
    }
    sheet.finish();
    await workbook.close();
    // Measured at all: the rows of a page outrun the zip.
    expect(Math.max(...before)).toBeGreaterThan(MAX_ZIP_BACKLOG);
    expect(Math.max(...after)).toBeLessThanOrEqual(MAX_ZIP_BACKLOG);
    expect(Buffer.concat(chunks).length).toBeGreaterThan(0);
  });
});
