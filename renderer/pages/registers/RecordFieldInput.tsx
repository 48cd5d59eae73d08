import type { FieldDefinition } from '../../../shared/registers';
import {
  CheckboxField,
  DateField,
  DateTimeField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/Field';
import type { FieldProps, FlagProps } from '../../components/useForm';

interface Props {
  field: FieldDefinition;
  text: FieldProps;
  flag: FlagProps;
}

/** The input for one register field, chosen by its kind. */
export function RecordFieldInput({ field, text, flag }: Props) {
  const label = field.required ? `${field.label} *` : field.label;
  switch (field.kind) {
    case 'flag':
      return <CheckboxField label={field.label} hint={field.hint} {...flag} />;
    case 'longText':
      return <TextAreaField label={label} rows={5} {...text} />;
    case 'choice':
      return (
        <SelectField
          label={label}
          options={[{ value: '', label: 'Välj…' }, ...(field.options ?? [])]}
          {...text}
        />
      );
    case 'date':
      return <DateField label={label} hint={field.hint} {...text} />;
    case 'datetime':
      return <DateTimeField label={label} hint={field.hint} {...text} />;
    case 'text':
      return <TextField label={label} hint={field.hint} {...text} />;
    case 'amount':
      return <TextField label={label} hint={field.hint} inputMode="decimal" {...text} />;
  }
}
