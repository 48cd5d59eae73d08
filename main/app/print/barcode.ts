import bwipjs from 'bwip-js/node';
import type { PDFDocument, PDFImage } from 'pdf-lib';

/**
 * A reference a USB barcode scanner types the same on every keyboard layout: digits and
 * A–Z only (no å ä ö, no "-", whose key moves between layouts).
 */
export const referencePattern = /^[0-9A-Z]{1,32}$/;

export function assertReference(reference: string): string {
  if (!referencePattern.test(reference)) {
    throw new RangeError(`a printed reference must be 1–32 of 0-9 A-Z: ${reference}`);
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
