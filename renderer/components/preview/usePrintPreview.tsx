import { useRef, useState, type ReactNode } from 'react';
import type { Result } from '../../../shared/result';
import { PreviewDialog, type PreviewedDocument } from './PreviewDialog';
import { fromBase64, openPdf } from './pdfPages';

export type PreparedPdf = Result<{ documentId: string; fileName: string; pdfBase64: string }>;

/**
 * Prepares a PDF in main (a print channel) and shows it for preview, with "Skriv ut…" and
 * "Spara som PDF…". `preparing` names what is being prepared (one at a time), `error` says
 * in Swedish why it could not be; `dialog` is the element to render.
 */
export function usePrintPreview(): {
  open: (what: string, title: string, prepare: () => Promise<PreparedPdf>) => Promise<void>;
  preparing: string | null;
  error: string | null;
  dialog: ReactNode;
} {
  const [preparing, setPreparing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<PreviewedDocument | null>(null);
  const busy = useRef(false);

  async function open(what: string, title: string, prepare: () => Promise<PreparedPdf>) {
    if (busy.current) return;
    busy.current = true;
    // Where to come back to on closing: the button is disabled (and loses the focus)
    // while the document is prepared.
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setPreparing(what);
    setError(null);
    try {
      const answer = await prepare();
      if (!answer.ok) {
        setError(answer.error.message || 'Det gick inte att skapa dokumentet.');
        return;
      }
      const { documentId, fileName, pdfBase64 } = answer.value;
      const pdf = await openPdf(fromBase64(pdfBase64));
      setShown({ documentId, fileName, title, pdf, returnTo });
    } catch {
      setError('Det gick inte att skapa dokumentet. Försök igen.');
    } finally {
      busy.current = false;
      setPreparing(null);
    }
  }

  const dialog = shown && (
    <PreviewDialog
      key={shown.documentId}
      document={shown}
      onClose={() => {
        void shown.pdf.loadingTask.destroy();
        setShown(null);
      }}
    />
  );
  return { open, preparing, error, dialog };
}
