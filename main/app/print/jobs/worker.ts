import { parentPort } from 'node:worker_threads';
import { runPdfJob } from './jobs';
import type { PdfWorkerAnswer, PdfWorkerRequest } from './protocol';

/*
 * The print worker's entry (bundled to out/main/pdfWorker.cjs): builds one PDF per
 * message, one at a time, and hands the bytes back without copying them.
 */
const port = parentPort;
if (!port) throw new Error('The PDF worker runs only as a worker thread');

port.on('message', (request: PdfWorkerRequest) => {
  // Through a promise from the start: a job that throws at once is answered as a failure,
  // not an uncaught error that ends the worker.
  Promise.resolve(request.job)
    .then(runPdfJob)
    .then(
      (bytes) => {
        const answer: PdfWorkerAnswer = { id: request.id, bytes };
        port.postMessage(answer, [bytes.buffer as ArrayBuffer]);
      },
      (error: unknown) => {
        const answer: PdfWorkerAnswer = {
          id: request.id,
          // A message only: what failed, never the records it was building from.
          error: error instanceof Error ? error.message : String(error),
        };
        port.postMessage(answer);
      },
    );
});
