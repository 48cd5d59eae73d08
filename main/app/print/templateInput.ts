import type { LocalRoutines } from '../../../shared/localRoutines';
import type { PrintContext } from './document';

/** What every blank template is built from. */
export interface BlankTemplateInput extends PrintContext {
  /**
   * Pre-printed references, digits and A–Z (see barcode.ts): one per row of a register
   * form, one per sheet of a decision document, order form or journal sheet. How many a
   * template needs for N pages: `referencesNeeded`. Without them the rows are plain.
   */
  references?: readonly string[];
  /** Pages of a form to fill in without references (default 1); the routines print what they hold. */
  pages?: number;
  /** The unit's checklist and fault contacts (the routines' two templates need them). */
  routines?: LocalRoutines;
  /** The unit's cash card provider, in Bilaga 5's title (default "ICA"). */
  cardProvider?: string;
}
