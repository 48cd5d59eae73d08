import { formatAmount } from '../money';
import { formatDateTime } from '../time';
import type { FieldDefinition, FieldValue } from './types';

/** A field's value as the list, the record's history, and later print and Excel, show it. */
export function formatFieldValue(field: FieldDefinition, value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.kind) {
    case 'flag':
      return value ? 'Ja' : 'Nej';
    case 'amount':
      return formatAmount(Number(value));
    case 'datetime':
      return formatDateTime(String(value));
    case 'choice':
      return field.options?.find((o) => o.value === value)?.label ?? String(value);
    default:
      return String(value);
  }
}
