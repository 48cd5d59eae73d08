import { Worker } from 'node:worker_threads';
import { runPdfJob, type PdfJob } from './jobs';
import type { PdfWorkerAnswer, PdfWorkerRequest } from './protocol';

/** Where PDFs are built: in this thread (tests, the demo) or in a worker thread (the app). */
export interface PdfBuilder {
  build(job: PdfJob): Promise<Uint8Array>;
  /** Ends the worker, if any; jobs still waiting are refused. */
  close(): Promise<void>;
}

/** Builds in the calling thread: for tests, the demo and the bench. */
export const inProcessPdfBuilder: PdfBuilder = {
  build: runPdfJob,
  close: () => Promise.resolve(),
};

/**
 * Builds in one worker thread, started on the first job and kept for the next: a
 * 10 000-row register takes seconds of pdf-lib, and in main's thread those seconds would
 * freeze the window (Electron's browser process routes its input through that thread).
 * A worker that dies is replaced at the next job; the jobs it held are refused.
 */
export function workerPdfBuilder(workerFile: string): PdfBuilder {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }
  >();

  function refuseAll(error: Error): void {
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  }

  function start(): Worker {
    const started = new Worker(workerFile);
    started.on('message', (answer: PdfWorkerAnswer) => {
      const job = waiting.get(answer.id);
      if (!job) return;
      waiting.delete(answer.id);
      if ('bytes' in answer) job.resolve(answer.bytes);
      else job.reject(new Error(`PDF build failed: ${answer.error}`));
    });
    started.on('error', (error) => {
      worker = null;
      refuseAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      refuseAll(new Error(`PDF worker exited (${code})`));
    });
    // An idle worker does not keep a closing app (or a test run) alive.
    started.unref();
    return started;
  }

  return {
    async build(job) {
      worker ??= start();
      const id = nextId++;
      const request: PdfWorkerRequest = { id, job };
      const answer = new Promise<Uint8Array>((resolve, reject) =>
        waiting.set(id, { resolve, reject }),
      );
      worker.postMessage(request);
      return answer;
    },
    async close() {
      const running = worker;
      worker = null;
      refuseAll(new Error('PDF worker closed'));
      if (running) await running.terminate();
    },
  };
}
