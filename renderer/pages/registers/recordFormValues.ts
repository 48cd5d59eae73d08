import type { SessionUser } from '../../../shared/contract';
import type { RegisterDefinition } from '../../../shared/registers';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import { amountForInput } from '../../../shared/money';
import { instantFromInput, instantToLocalInput } from '../../../shared/time';
import { officeClock, officeToday } from '../../app/clock';

export type FormValues = Record<string, string | boolean>;

/** The form's values for a new record (defaults from the person signed in) or an existing one. */
export function initialValues(
  definition: RegisterDefinition,
  user: SessionUser,
  record: RegisterRecord | null,
  defaultOutageId: string,
  activeOutage: boolean,
): FormValues {
  const values: FormValues = {
    outageId: record?.outageId ?? defaultOutageId,
    clientName: record?.clientName ?? '',
    personnummer: record?.personnummer
      ? `${record.personnummer.slice(0, 8)}-${record.personnummer.slice(8)}`
      : '',
    reserveIdentity: record?.reserveIdentity ?? false,
    // Nothing is going on: what is entered now comes from paper.
    transcribedFromPaper: record?.transcribedFromPaper ?? !activeOutage,
    paperReference: record?.paperReference ?? '',
    // Transcribed before references existed, or said so: keep saying so when changed.
    paperReferenceMissing: record ? record.transcribedFromPaper && !record.paperReference : false,
  };
  for (const field of definition.fields.filter((f) => !f.computed)) {
    const key = `values.${field.key}`;
    const stored = record?.values[field.key] ?? null;
    if (field.kind === 'flag') {
      values[key] = stored === true;
    } else if (field.kind === 'amount') {
      values[key] = typeof stored === 'number' ? amountForInput(stored) : '';
    } else if (record) {
      values[key] =
        field.kind === 'datetime'
          ? instantToLocalInput(stored as string | null)
          : String(stored ?? '');
    } else {
      values[key] = {
        userName: user.fullName,
        userInitials: user.initials,
        today: officeToday(),
        now: instantToLocalInput(officeClock()),
        none: '',
      }[field.defaultFrom ?? 'none'];
    }
  }
  return values;
}

/** The form's values as the register's input schema expects them. */
export function toInput(definition: RegisterDefinition, form: FormValues) {
  const values: Record<string, string | boolean> = {};
  for (const field of definition.fields.filter((f) => !f.computed)) {
    const value = form[`values.${field.key}`];
    values[field.key] =
      field.kind === 'datetime' ? (instantFromInput(String(value ?? '')) ?? '') : (value ?? '');
  }
  return {
    outageId: form.outageId ? String(form.outageId) : undefined,
    clientName: String(form.clientName),
    personnummer: String(form.personnummer),
    reserveIdentity: form.reserveIdentity === true,
    transcribedFromPaper: form.transcribedFromPaper === true,
    // Asked only for paper; a reference left in the hidden field must not be sent.
    paperReference:
      form.transcribedFromPaper === true && form.paperReferenceMissing !== true
        ? String(form.paperReference ?? '')
        : '',
    paperReferenceMissing: form.paperReferenceMissing === true,
    values,
  };
}
