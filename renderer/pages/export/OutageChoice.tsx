import type { Outage } from '../../../shared/outages';
import { formatDateTime } from '../../../shared/time';
import { SelectField } from '../../components/Field';
import type { FieldProps } from '../../components/useForm';

/** "Avbrott": each outage by its start and level, then all of them (the empty value). */
export function OutageChoice({ outages, ...field }: FieldProps & { outages: Outage[] }) {
  return (
    <SelectField
      label="Avbrott"
      options={[
        ...outages.map((o) => ({
          value: o.id,
          label: `${formatDateTime(o.startsAt)} – nivå ${o.level}`,
        })),
        { value: '', label: 'Alla avbrott' },
      ]}
      {...field}
    />
  );
}
