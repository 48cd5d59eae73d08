import { formatPersonnummer } from '../../../shared/domain/personnummer';
import type { RegisterRecord } from '../../../shared/registers/schemas';
export { formatFieldValue } from '../../../shared/registers/format';

export function formatIdentity(record: RegisterRecord): string {
  return record.personnummer ? formatPersonnummer(record.personnummer) : 'Reservidentitet';
}
