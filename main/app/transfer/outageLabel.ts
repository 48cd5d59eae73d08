import { formatDateTime } from '../../../shared/time';

/** "Avbrott nivå II, 2026-11-23 10:00 – 2026-11-23 14:30" (or "– pågår"). */
export function outageLabel(outage: {
  level: string;
  startsAt: string;
  endsAt: string | null;
}): string {
  const end = outage.endsAt ? formatDateTime(outage.endsAt) : 'pågår';
  return `Avbrott nivå ${outage.level}, ${formatDateTime(outage.startsAt)} – ${end}`;
}
