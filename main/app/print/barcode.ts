import bwipjs from 'bwip-js/node';
import type { PDFDocument, PDFImage } from 'pdf-lib';
import { isReference } from '../../../shared/references';

/**
 * Only a reference (shared/references.ts) is printed as a barcode: letters A–Z and digits,
 * which a USB scanner types the same on every keyboard layout (no å ä ö, no "-").
 */
export function assertReference(reference: string): string {
  if (!isReference(reference)) {
    throw new RangeError(`not a reference (2–4 letters A–Z, then digits 0–9): ${reference}`);
  }
  return reference;
}

const SCALE = 3;
/** 0.3 mm a bar module: wide enough for any USB scanner (they need about 0.2 mm). */
const MODULE_PT = 0.85;

/** How wide to draw a barcode image so each module is MODULE_PT wide. */
export const barcodeWidth = (image: PDFImage): number => (image.width / SCALE) * MODULE_PT;

/** The reference as a Code 128 barcode (PNG from bwip-js), embedded in the document. */
export async function embedBarcode(doc: PDFDocument, reference: string): Promise<PDFImage> {
  const png = await bwipjs.toBuffer({
    bcid: 'code128',
    text: assertReference(reference),
    scale: SCALE,
    height: 8,
    includetext: false,
  });
  return doc.embedPng(png);
}
