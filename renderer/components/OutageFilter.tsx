import type { Outage } from '../../shared/outages';
import { formatDateTime } from '../../shared/time';

interface Props {
  outages: readonly Outage[];
  value: string | null;
  onChange: (outageId: string | null) => void;
}

/** "Avbrott: Alla / 2026-11-10 08:40 – nivå II …": narrows a list to one outage. */
export function OutageFilter({ outages, value, onChange }: Props) {
  return (
    <label className="filter">
      <span>Avbrott</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">Alla</option>
        {outages
          .filter((o) => o.status !== 'planned')
          .map((o) => (
            <option key={o.id} value={o.id}>
              {formatDateTime(o.startsAt)} – nivå {o.level}
            </option>
          ))}
      </select>
    </label>
  );
}
