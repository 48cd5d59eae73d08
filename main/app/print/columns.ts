import type { FieldDefinition } from '../../../shared/registers';
import type { CommonColumn } from '../../../shared/registers/types';

/** How wide a printed column is, relative to the others in its table, by what it holds. */
export function fieldWeight(field: FieldDefinition): number {
  switch (field.kind) {
    case 'flag':
      return 0.9;
    case 'date':
      return 1.15;
    case 'datetime':
      return 1.35;
    case 'amount':
      return 1.2;
    case 'choice':
      return 1.4;
    case 'longText':
      return 4;
    case 'text':
      return (field.maxLength ?? 200) <= 40 ? 1.75 : 1.9;
  }
}

export const commonWeights: Record<CommonColumn, number> = {
  clientName: 2,
  personnummer: 1.55,
  clientIdentity: 2.6,
  entry: 1.8,
};

/** The pre-printed reference (text and barcode) and the entry status of filled lists. */
export const referenceWeight = 1.7;
