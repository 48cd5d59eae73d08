import type { Outage } from '../../../shared/outages';
import type { RegisterListInput } from '../../../shared/registers/schemas';
import { formatDateTime } from '../../../shared/time';

/**
 * The line under a filled register's title that says what was printed: the outage and
 * the list's filter, so a printed list that is not the whole register says so.
 */
export function printSubtitle(options: {
  outage?: Pick<Outage, 'level' | 'startsAt' | 'endsAt'> | null;
  filter?: Partial<Pick<RegisterListInput, 'search' | 'law' | 'entry' | 'voided'>>;
  /** Whose records, when the list shows one person's. */
  personName?: string | null;
}): string {
  const parts: string[] = [];
  const { outage, filter = {}, personName } = options;
  if (outage) {
    const end = outage.endsAt ? formatDateTime(outage.endsAt) : 'pågår';
    parts.push(`Avbrott nivå ${outage.level}, ${formatDateTime(outage.startsAt)} – ${end}`);
  }
  if (personName) parts.push(`Registrerade av ${personName}`);
  if (filter.entry === 'notEntered') parts.push('Endast ej införda');
  if (filter.entry === 'entered') parts.push('Endast införda');
  if (filter.law) parts.push(`Lagrum ${filter.law}`);
  if (filter.search) parts.push(`Sökning ”${filter.search}”`);
  if (filter.voided === 'exclude') parts.push('Utan makulerade');
  if (filter.voided === 'only') parts.push('Endast makulerade');
  return parts.join(' · ');
}
