import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../app/api';
import { drawPage } from './pdfPages';

export interface PreviewedDocument {
  documentId: string;
  fileName: string;
  /** What it is, in the dialog's heading ("Beslutsdokument"). */
  title: string;
  pdf: PDFDocumentProxy;
  /** What had the focus when the preview was asked for: it gets it back on closing. */
  returnTo: HTMLElement | null;
}

type Notice = { kind: 'success' | 'info' | 'error'; text: string };

/** Room for the page inside the dialog: an A4 page in landscape stays readable. */
const PAGE_WIDTH = 760;

/**
 * The preview of a PDF prepared in main, a page at a time, in a modal dialog (the native
 * <dialog>: focus moves in, the page behind is inert, Esc closes). Printing and saving
 * are main's: the PDF never leaves main through the renderer.
 */
export function PreviewDialog({
  document: shown,
  onClose,
}: {
  document: PreviewedDocument;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const lastAction = useRef<'print' | 'save' | null>(null);
  const [page, setPage] = useState(1);
  const [drawn, setDrawn] = useState(0);
  const [action, setAction] = useState<'print' | 'save' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const pages = shown.pdf.numPages;

  useEffect(() => {
    const dialog = ref.current;
    const { returnTo } = shown;
    dialog?.showModal();
    printButton.current?.focus();
    return () => {
      dialog?.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [shown]);

  useEffect(() => {
    let current = true;
    if (canvas.current) {
      void drawPage(shown.pdf, page, canvas.current, PAGE_WIDTH).then(
        () => current && setDrawn(page),
        () => current && setNotice({ kind: 'error', text: 'Sidan kunde inte visas.' }),
      );
    }
    return () => {
      current = false;
    };
  }, [shown.pdf, page]);

  // The buttons are disabled while main works: give the focus back to the one pressed.
  useEffect(() => {
    if (action !== null || !lastAction.current) return;
    (lastAction.current === 'print' ? printButton : saveButton).current?.focus();
  }, [action]);

  // Ctrl+P while the preview is open prints what it shows, never the app's page behind
  // it, wherever the focus is; caught first, so the page's own Ctrl+P does not run too.
  const printShortcut = useRef<() => void>(() => {});
  useEffect(() => {
    printShortcut.current = () => void print();
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        event.stopImmediatePropagation();
        printShortcut.current();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  async function print() {
    if (action) return;
    setAction('print');
    lastAction.current = 'print';
    setNotice(null);
    const answer = await api().documents.print({ documentId: shown.documentId });
    setAction(null);
    if (!answer.ok) setNotice({ kind: 'error', text: answer.error.message });
    else if (answer.value.outcome === 'printed')
      setNotice({ kind: 'success', text: `${shown.title} skickades till skrivaren.` });
    else setNotice({ kind: 'info', text: 'Utskriften avbröts. Ingenting skrevs ut.' });
  }

  async function save() {
    if (action) return;
    setAction('save');
    lastAction.current = 'save';
    setNotice(null);
    const answer = await api().documents.save({ documentId: shown.documentId });
    setAction(null);
    if (!answer.ok) setNotice({ kind: 'error', text: answer.error.message });
    else if (answer.value.savedAs)
      setNotice({ kind: 'success', text: `Sparad som ${answer.value.savedAs}` });
    else setNotice({ kind: 'info', text: 'Ingenting sparades.' });
  }

  return (
    <dialog
      ref={ref}
      className="dialog preview"
      aria-modal="true"
      aria-labelledby="preview-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!action) onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'PageDown' && page < pages) setPage(page + 1);
        else if (event.key === 'PageUp' && page > 1) setPage(page - 1);
      }}
    >
      <div className="preview__head">
        <h2 id="preview-title">{shown.title}</h2>
        <span className="muted">{shown.fileName}</span>
      </div>
      <div className="preview__actions">
        <button
          ref={printButton}
          type="button"
          className="button button--primary"
          disabled={action !== null}
          onClick={() => void print()}
        >
          {action === 'print' ? 'Skriver ut…' : 'Skriv ut…'}
        </button>
        <button
          ref={saveButton}
          type="button"
          className="button"
          disabled={action !== null}
          onClick={() => void save()}
        >
          {action === 'save' ? 'Sparar…' : 'Spara som PDF…'}
        </button>
        <nav className="preview__pages" aria-label="Sidor">
          <button
            type="button"
            className="button button--small"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            Föregående sida
          </button>
          <span aria-live="polite">
            Sida {page} av {pages}
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={page >= pages}
            onClick={() => setPage(page + 1)}
          >
            Nästa sida
          </button>
        </nav>
        <button type="button" className="button" disabled={action !== null} onClick={onClose}>
          Stäng
        </button>
      </div>
      <div aria-live="polite">
        {notice && (
          <div
            className={`alert alert--${notice.kind}`}
            role={notice.kind === 'error' ? 'alert' : 'status'}
          >
            {notice.text}
          </div>
        )}
      </div>
      <div className="preview__page">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Förhandsgranskning, sida ${page} av ${pages}`}
          data-drawn-page={drawn}
        />
      </div>
    </dialog>
  );
}
