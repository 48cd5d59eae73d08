import { formatPersonnummer } from '../../../shared/domain/personnummer';
import { formatAmount } from '../../../shared/money';
import type { FieldDefinition, FieldValue } from '../../../shared/registers';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import { formatDateTime } from '../../../shared/time';

/** A field's value as the list, and later print and Excel, show it. */
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

export function formatIdentity(record: RegisterRecord): string {
  return record.personnummer ? formatPersonnummer(record.personnummer) : 'Reservidentitet';
}
