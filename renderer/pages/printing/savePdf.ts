import { useState } from 'react';
import type { Result } from '../../../shared/result';

export type PdfAnswer = Result<{ fileName: string; pdfBase64: string }>;

/**
 * Saves a PDF built in main as a download: Electron shows its save dialog for a
 * download; the e2e suite catches Playwright's `download` event.
 */
export function savePdf(fileName: string, pdfBase64: string): void {
  const binary = atob(pdfBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes; give it a moment before letting them go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Builds a PDF through one of the print channels and saves it: `busy` names what is being
 * prepared (one at a time), `error` says in Swedish why it failed.
 */
export function usePdfSave() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function save(what: string, build: () => Promise<PdfAnswer>): Promise<void> {
    if (busy) return;
    setBusy(what);
    setError(null);
    setSaved(null);
    try {
      const answer = await build();
      if (!answer.ok) {
        setError(answer.error.message || 'Det gick inte att skapa PDF-filen.');
        return;
      }
      savePdf(answer.value.fileName, answer.value.pdfBase64);
      setSaved(answer.value.fileName);
    } catch {
      setError('Det gick inte att skapa PDF-filen. Försök igen.');
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, saved, save };
}
