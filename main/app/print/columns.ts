import type { FieldDefinition } from '../../../shared/registers';
import type { RegisterColumn } from '../../../shared/registers/headings';
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
  /** The pre-printed reference, text and barcode. */
  reference: 1.7,
  clientName: 2,
  personnummer: 1.55,
  clientIdentity: 2.6,
  deadline: 1.2,
  entry: 1.9,
};

/** How wide a register's column is, whether one of its fields or a common column. */
export const columnWeight = (column: RegisterColumn): number =>
  column.kind === 'field' ? fieldWeight(column.field) : commonWeights[column.column];
