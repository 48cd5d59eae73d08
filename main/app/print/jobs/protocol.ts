import type { PdfJob } from './jobs';

/** What main posts to the print worker, and what the worker answers. */
export interface PdfWorkerRequest {
  id: number;
  job: PdfJob;
}

export type PdfWorkerAnswer = { id: number; bytes: Uint8Array } | { id: number; error: string };
