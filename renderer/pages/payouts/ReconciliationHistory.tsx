import { reconciliationPeriod, type Reconciliation } from '../../../shared/cashCard';
import { formatAmount } from '../../../shared/money';

/** The closed periods, newest first: what was paid in each and what was refilled. */
export function ReconciliationHistory({ items }: { items: Reconciliation[] }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Avstämda perioder</h2>
      {items.length === 0 ? (
        <p className="muted">
          Ingen avstämning är gjord ännu. Chefen för ekonomiskt bistånd registrerar den med
          ”Avstämning med ekonomienheten…” ovan, när det finns utbetalningar att stämma av.
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Med</th>
              <th scope="col">Utbetalningar</th>
              <th scope="col">Summa för perioden</th>
              <th scope="col">Saldo</th>
              <th scope="col">Påfyllning</th>
              <th scope="col">Anteckning</th>
              <th scope="col">Av</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  {/* Each date whole; a period wraps at its dash. */}
                  {reconciliationPeriod(r)
                    .split(' – ')
                    .map((date, i) => (
                      <span key={date} className="nowrap">
                        {i > 0 && ' – '}
                        {date}
                      </span>
                    ))}
                </td>
                <td>{r.financeContact}</td>
                <td>{r.payoutCount}</td>
                <td className="nowrap">{formatAmount(r.totalOre)}</td>
                <td className="nowrap">
                  {r.balanceOre === null ? '–' : formatAmount(r.balanceOre)}
                </td>
                <td className="nowrap">{r.refillOre ? formatAmount(r.refillOre) : '–'}</td>
                <td className="note-cell">{r.note || '–'}</td>
                <td>{r.createdByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
