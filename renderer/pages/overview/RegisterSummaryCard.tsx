import { useEffect, useState } from 'react';
import { registers, type RegisterKey } from '../../../shared/registers';
import type { RegisterSummary } from '../../../shared/registers/contract';
import { api } from '../../app/api';

/** Per register: how much there is, how much is not yet entered, and what is due or late. */
export function RegisterSummaryCard() {
  const [summaries, setSummaries] = useState<RegisterSummary[] | null>(null);
  useEffect(() => {
    void api()
      .registers.summary()
      .then((result) => result.ok && setSummaries(result.value));
  }, []);
  return (
    <article className="card card--span">
      <h2>Registren</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Register</th>
            <th scope="col">Totalt</th>
            <th scope="col">Inte införda</th>
            <th scope="col">Ska föras in inom två arbetsdagar</th>
            <th scope="col">Försenade</th>
          </tr>
        </thead>
        <tbody>
          {summaries?.map((s) => {
            const definition = registers[s.key as RegisterKey];
            return (
              <tr key={s.key}>
                <th scope="row">{definition.title}</th>
                <td>{s.total.toLocaleString('sv-SE')}</td>
                <td>{s.notEntered.toLocaleString('sv-SE')}</td>
                <td>{definition.hasDeadline ? s.dueSoon.toLocaleString('sv-SE') : '–'}</td>
                <td className={s.overdue > 0 ? 'text-danger' : undefined}>
                  {definition.hasDeadline ? s.overdue.toLocaleString('sv-SE') : '–'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
