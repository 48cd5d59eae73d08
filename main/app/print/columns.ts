import type { custodianColumns } from '../../../shared/custodians';
import type { FieldDefinition } from '../../../shared/registers';
import type { RegisterColumn } from '../../../shared/registers/headings';
import type { CommonColumn } from '../../../shared/registers/types';
import type { UsbReceiptColumn } from '../../../shared/usbReceipts';

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

/** Bilaga 1's columns, blank and filled: the e-mail address is the longest. */
export const custodianWeights: Record<(typeof custodianColumns)[number]['key'], number> = {
  name: 1.2,
  unitName: 1.2,
  phone: 1,
  email: 1.6,
};

/** Bilaga 2's columns, blank and filled: the certification takes the most room. */
export const usbReceiptWeights: Record<UsbReceiptColumn, number> = {
  issuedOn: 1.3,
  receiver: 2,
  workplace: 1.3,
  returned: 3,
  stickNumber: 1.3,
};
