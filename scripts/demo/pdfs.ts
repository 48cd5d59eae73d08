import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DesktopPorts } from '../../main/app/desktop';
import type { Channel, Input, Output } from '../../shared/contract';
import { blankTemplateKeys } from '../../shared/printing';
import { registerKeys } from '../../shared/registers/keys';

type Call = <C extends Channel>(channel: C, input?: Input<C>) => Promise<Output<C>>;

/**
 * A desktop without dialogs: every save goes into `dir` under the name offered; what is
 * printed is taken as printed (the binder's sheets the demo's enhetschef hands out).
 */
export function savingInto(dir: string): DesktopPorts {
  return {
    chooseSavePath({ suggestedName }) {
      mkdirSync(dir, { recursive: true });
      return Promise.resolve(join(dir, suggestedName));
    },
    chooseOpenPath: () => Promise.resolve(null),
    printPdf: () => Promise.resolve('printed'),
    chooseFolder: () => Promise.resolve(null),
  };
}

/**
 * Every blank template (one page each), every filled register of the finished outage and
 * the filled Bilaga 1 and 2, prepared through the real print channels by whoever is
 * signed in (the enhetschef, who reads every register) and saved as the preview's "Spara
 * som PDF…" saves them: the templates' references are recorded as printed. Returns the
 * file names written.
 */
export async function writeDemoPdfs(call: Call, outageId: string) {
  const written: string[] = [];
  const save = async ({ documentId, fileName }: Output<'print.register'>) => {
    await call('documents.save', { documentId });
    written.push(fileName);
  };
  for (const key of blankTemplateKeys)
    await save(await call('print.blankTemplate', { key, pages: 1 }));
  for (const register of registerKeys) {
    await save(await call('print.register', { register, filter: { outageId, voided: 'include' } }));
  }
  await save(await call('print.outage', { outageId }));
  await save(await call('print.custodians'));
  await save(await call('print.usbReceipts', { outageId: null }));
  return written;
}
