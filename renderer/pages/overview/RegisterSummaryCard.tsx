import { useEffect, useState } from 'react';
import { registers, type RegisterKey } from '../../../shared/registers';
import type { RegisterSummary } from '../../../shared/registers/contract';
import { api } from '../../app/api';
import type { ListFilter } from '../registers/useRecordPages';

/** Each count's heading, and the register's list filtered to exactly the records it counts. */
const counts = [
  { key: 'total', heading: 'Poster (utom makulerade)', filter: {} },
  { key: 'notEntered', heading: 'Inte införda', filter: { entry: 'notEntered' } },
  {
    key: 'dueSoon',
    heading: 'Varav sista dag inom två arbetsdagar',
    filter: { deadline: 'dueSoon' },
    deadlineOnly: true,
  },
  {
    key: 'overdue',
    heading: 'Varav sista dag passerad',
    filter: { deadline: 'overdue' },
    deadlineOnly: true,
  },
] as const satisfies readonly {
  key: keyof Omit<RegisterSummary, 'key'>;
  heading: string;
  filter: Partial<ListFilter>;
  deadlineOnly?: boolean;
}[];

interface Props {
  /** Opens the register's list with the filter that shows what a count counts. */
  onShow: (key: RegisterKey, filter: Partial<ListFilter>) => void;
}

/** Per register: how much there is, how much is not yet entered, and what is due or late. */
export function RegisterSummaryCard({ onShow }: Props) {
  const [summaries, setSummaries] = useState<RegisterSummary[] | null>(null);
  useEffect(() => {
    void api()
      .registers.summary()
      .then((result) => result.ok && setSummaries(result.value));
  }, []);
  return (
    <article className="card card--span" aria-labelledby="register-summary-title">
      <h2 id="register-summary-title">Registren</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Register</th>
            {counts.map((c) => (
              <th scope="col" key={c.key}>
                {c.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summaries?.map((s) => {
            const key = s.key as RegisterKey;
            const definition = registers[key];
            return (
              <tr key={key}>
                <th scope="row">{definition.title}</th>
                {counts.map((c) => {
                  const n = s[c.key];
                  const late = c.key === 'overdue' && n > 0;
                  if ('deadlineOnly' in c && !definition.hasDeadline) {
                    return (
                      <td key={c.key}>
                        <span aria-label="Ingen sista dag i detta register">–</span>
                      </td>
                    );
                  }
                  return (
                    <td key={c.key} className={late ? 'text-danger' : undefined}>
                      {n > 0 ? (
                        <button
                          type="button"
                          className={`link${late ? ' text-danger' : ''}`}
                          aria-label={`${n.toLocaleString('sv-SE')} – visa ${definition.title.toLowerCase()}: ${c.heading.toLowerCase()}`}
                          onClick={() => onShow(key, c.filter)}
                        >
                          {n.toLocaleString('sv-SE')}
                        </button>
                      ) : (
                        '0'
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">
        Sista dag gäller journalanteckningar: den räknas från avbrottets slut. Klicka på en siffra
        för att se posterna i registret.
      </p>
    </article>
  );
}
