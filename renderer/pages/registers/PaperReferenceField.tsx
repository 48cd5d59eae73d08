import { columnHeadings } from '../../../shared/registers/headings';
import type { KeyboardEvent } from 'react';
import { normalizeReference } from '../../../shared/references';
import { CheckboxField, TextField } from '../../components/Field';
import type { FieldProps, FlagProps } from '../../components/useForm';

interface Props {
  reference: FieldProps;
  missing: FlagProps;
  /** Sets the field's value (the tidied reference). */
  setReference: (value: string) => void;
  /** Where the keyboard goes after a scan: the form's next field to fill. */
  focusNext: () => void;
  autoFocus: boolean;
}

/**
 * The pre-printed reference of the paper being transcribed. A USB barcode scanner types
 * the reference and then Enter: here Enter must not submit a form that is only begun, so
 * it tidies the reference ("st 123" → "ST000123") and moves on to the next field.
 */
export function PaperReferenceField({
  reference,
  missing,
  setReference,
  focusNext,
  autoFocus,
}: Props) {
  const tidy = (text: string) => {
    const normalized = normalizeReference(text);
    if (normalized && normalized !== text) setReference(normalized);
  };
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
    tidy(event.currentTarget.value);
    if (normalizeReference(event.currentTarget.value)) focusNext();
  }
  return (
    <>
      <TextField
        label={`${columnHeadings.reference} *`}
        hint="Skanna streckkoden eller skriv referensen under den, t.ex. ST000123."
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        autoFocus={autoFocus}
        disabled={missing.checked}
        onKeyDown={onKeyDown}
        onBlur={(event) => tidy(event.target.value)}
        {...reference}
      />
      <CheckboxField
        label="Blanketten saknar referens"
        hint="Till exempel en blankett utskriven före Reservpärm, eller en kopia."
        {...missing}
      />
    </>
  );
}
