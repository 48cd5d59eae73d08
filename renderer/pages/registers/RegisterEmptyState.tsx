import type { Outage } from '../../../shared/outages';
import type { RegisterDefinition } from '../../../shared/registers';
import { writersText } from '../../../shared/registers/access';
import { useSession } from '../../app/session';

interface Props {
  definition: RegisterDefinition;
  /** Whether a search or filter narrows the list: then it is the filter that finds nothing. */
  filtered: boolean;
  mayWrite: boolean;
  outages: readonly Outage[];
  onClearFilter: () => void;
}

/**
 * What an empty register list says instead of nothing: why it is empty and what to do
 * next, which depends on the filter, the person's role and whether an outage is going on
 * (a record belongs to an outage; without one only a paper form can be transcribed).
 */
export function RegisterEmptyState({
  definition,
  filtered,
  mayWrite,
  outages,
  onClearFilter,
}: Props) {
  const { activeOutage } = useSession();
  if (filtered) {
    return (
      <div className="empty-state" role="status">
        <p>Inga poster matchar sökningen – ändra eller rensa filtret.</p>
        <button type="button" className="button" onClick={onClearFilter}>
          Rensa sökning och filter
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state" role="status">
      <p>{emptyText(definition, mayWrite, activeOutage, outages)}</p>
    </div>
  );
}

function emptyText(
  definition: RegisterDefinition,
  mayWrite: boolean,
  activeOutage: Outage | null,
  outages: readonly Outage[],
): string {
  if (!mayWrite) {
    return `Inga poster att visa. Poster i registret ${definition.title} registreras av ${writersText(definition)}.`;
  }
  const create = `”${definition.newTitle}” (Alt+N)`;
  if (activeOutage) return `Inga poster att visa. Registrera en med ${create}.`;
  const past = outages.some((o) => o.status === 'ended');
  return past
    ? `Inget avbrott pågår – starta ett under Avbrott. En pappersblankett från ett avslutat avbrott efterregistreras med ${create}.`
    : 'Inget avbrott pågår – starta ett under Avbrott innan du registrerar.';
}
