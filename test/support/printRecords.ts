import type { PrintRecord } from '../../main/app/print/filledRegister';
import type { FieldValue } from '../../shared/registers';

let serial = 0;

/** A record as `listRecords` returns it, for the print builders' tests. */
export function printRecord(
  values: Record<string, FieldValue>,
  overrides: Partial<PrintRecord> = {},
): PrintRecord {
  serial += 1;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    outageId: 'outage-1',
    clientName: 'Tolvan Tolvansson',
    personnummer: '191212121212',
    reserveIdentity: false,
    values,
    createdById: 'user-1',
    createdByName: 'Kalle Handläggare',
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    transcribedFromPaper: false,
    transcribedByName: null,
    voidedAt: null,
    voidedByName: null,
    voidReason: null,
    enteredOn: null,
    enteredByName: null,
    enteredByInitials: null,
    deadline: null,
    deadlineStatus: null,
    changedAfterEntry: null,
    paperReference: null,
    ...overrides,
  };
}
