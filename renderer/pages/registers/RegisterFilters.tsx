import { columnHeadings, recordHeadings } from '../../../shared/registers/headings';
import type { Outage } from '../../../shared/outages';
import { OutageFilter } from '../../components/OutageFilter';
import type { RegisterDefinition } from '../../../shared/registers';
import type { ListFilter } from './useRecordPages';

interface Props {
  definition: RegisterDefinition;
  filter: ListFilter;
  outages: Outage[];
  userId: string;
  staff: readonly { id: string; fullName: string }[];
  onChange: (filter: ListFilter) => void;
}

/**
 * The deadline filter's choices: records not yet entered whose last day is near or past,
 * the overview's "varav" columns in the same words.
 */
export const deadlineFilterWords = {
  dueSoon: 'Inom två arbetsdagar',
  overdue: 'Passerat',
} as const;

/** Search by name or personnummer, and narrow by outage, author, law, entry and voiding. */
export function RegisterFilters({ definition, filter, outages, userId, staff, onChange }: Props) {
  const set = (change: Partial<ListFilter>) => onChange({ ...filter, ...change });
  return (
    <div className="filters" role="search">
      <label className="filter filter--search">
        <span>Sök namn eller personnummer</span>
        <input
          type="search"
          value={filter.search}
          onChange={(event) => set({ search: event.target.value })}
        />
      </label>
      <OutageFilter
        outages={outages}
        value={filter.outageId}
        onChange={(outageId) => set({ outageId })}
      />
      {definition.hasDeadline && (
        <label className="filter">
          <span>Lagrum</span>
          <select
            value={filter.law ?? ''}
            onChange={(event) => set({ law: (event.target.value || null) as ListFilter['law'] })}
          >
            <option value="">Alla</option>
            <option value="SoL">SoL</option>
            <option value="LSS">LSS</option>
            <option value="HSL">HSL</option>
          </select>
        </label>
      )}
      <label className="filter">
        <span>Införd</span>
        <select
          value={filter.entry}
          onChange={(event) => set({ entry: event.target.value as ListFilter['entry'] })}
        >
          <option value="all">Alla</option>
          <option value="notEntered">Inte införda</option>
          <option value="entered">Införda</option>
        </select>
      </label>
      {definition.hasDeadline && (
        <label className="filter">
          <span>{columnHeadings.deadline}</span>
          <select
            value={filter.deadline}
            onChange={(event) => set({ deadline: event.target.value as ListFilter['deadline'] })}
          >
            <option value="all">Alla</option>
            <option value="dueSoon">{deadlineFilterWords.dueSoon}</option>
            <option value="overdue">{deadlineFilterWords.overdue}</option>
          </select>
        </label>
      )}
      <label className="filter">
        <span>Makulerade</span>
        <select
          value={filter.voided}
          onChange={(event) => set({ voided: event.target.value as ListFilter['voided'] })}
        >
          <option value="exclude">Dölj</option>
          <option value="include">Visa</option>
          <option value="only">Bara makulerade</option>
        </select>
      </label>
      <label className="filter">
        <span>Sortera</span>
        <select
          value={`${filter.sort}:${filter.direction}`}
          onChange={(event) => {
            const [sort, direction] = event.target.value.split(':');
            set({
              sort: sort as ListFilter['sort'],
              direction: direction as ListFilter['direction'],
            });
          }}
        >
          <option value="createdAt:desc">Senast registrerad</option>
          <option value="date:desc">
            {definition.fields.find((f) => f.key === definition.dateField)?.label}
          </option>
          <option value="clientName:asc">Namn A–Ö</option>
          <option value="personnummer:asc">Personnummer</option>
          {definition.hasDeadline && (
            <option value="deadline:asc">{columnHeadings.deadline}, tidigast först</option>
          )}
        </select>
      </label>
      <label className="filter">
        <span>{recordHeadings.createdBy}</span>
        <select
          value={filter.createdById ?? ''}
          onChange={(event) => set({ createdById: event.target.value || null })}
        >
          <option value="">Alla</option>
          <option value={userId}>Mig</option>
          {staff
            .filter((person) => person.id !== userId)
            .map((person) => (
              <option key={person.id} value={person.id}>
                {person.fullName}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
