import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DesktopPorts, PrintOutcome } from '../../main/app/desktop';

/**
 * The desktop around main where there is none (tests, the e2e bridge): the save dialog
 * answers with a file in `saveDir` (or cancels), the print dialog records the PDF.
 */
export interface RecordingDesktop {
  ports: DesktopPorts;
  saveDir: string;
  /** What the next save dialog answers: a file name in saveDir, or null (cancelled). */
  nextSaveAs: string | null | undefined;
  /** What the next open dialog answers: a path, or null (cancelled). */
  nextOpen: string | null;
  /** What the next print dialog answers; 'fail' makes it throw. */
  nextPrint: PrintOutcome | 'fail';
  printed: { title: string; bytes: Uint8Array }[];
  /** What the next folder dialog answers: a path, or null (cancelled). */
  nextFolder: string | null;
}

export function recordingDesktop(saveDir: string): RecordingDesktop {
  const desktop: RecordingDesktop = {
    saveDir,
    nextSaveAs: undefined,
    nextPrint: 'printed',
    nextOpen: null,
    printed: [],
    nextFolder: null,
    ports: {
      chooseSavePath({ suggestedName }) {
        // Made when first asked, so the database's folder holds only the database till then.
        mkdirSync(saveDir, { recursive: true });
        const answer = desktop.nextSaveAs === undefined ? suggestedName : desktop.nextSaveAs;
        desktop.nextSaveAs = undefined;
        return Promise.resolve(answer === null ? null : join(saveDir, answer));
      },
      chooseOpenPath() {
        return Promise.resolve(desktop.nextOpen);
      },
      printPdf(document) {
        const outcome = desktop.nextPrint;
        desktop.nextPrint = 'printed';
        if (outcome === 'fail') return Promise.reject(new Error('printer offline'));
        if (outcome === 'printed') desktop.printed.push(document);
        return Promise.resolve(outcome);
      },
      chooseFolder() {
        return Promise.resolve(desktop.nextFolder);
      },
    },
  };
  return desktop;
}
