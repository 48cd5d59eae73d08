import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel, Input, Output } from '../../shared/contract';
import { blankTemplateKeys } from '../../shared/printing';
import { registerKeys } from '../../shared/registers/keys';

type Call = <C extends Channel>(channel: C, input?: Input<C>) => Promise<Output<C>>;

/**
 * Every blank template (one page each), every filled register of the finished outage and
 * the filled Bilaga 1 and 2,
 * printed through the real print channels by whoever is signed in (the enhetschef, who
 * reads every register), saved to DIR/pdf/ to look at without starting the app. Returns
 * the file names written.
 */
export async function writeDemoPdfs(call: Call, outDir: string, outageId: string) {
  const dir = join(outDir, 'pdf');
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const save = ({ fileName, pdfBase64 }: { fileName: string; pdfBase64: string }) => {
    writeFileSync(join(dir, fileName), Buffer.from(pdfBase64, 'base64'));
    written.push(fileName);
  };
  for (const key of blankTemplateKeys) save(await call('print.blankTemplate', { key, pages: 1 }));
  for (const register of registerKeys) {
    save(await call('print.register', { register, filter: { outageId, voided: 'include' } }));
  }
  save(await call('print.outage', { outageId }));
  save(await call('print.custodians'));
  save(await call('print.usbReceipts', { outageId: null }));
  return written;
}
