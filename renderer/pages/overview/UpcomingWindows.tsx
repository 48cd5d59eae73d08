import { useEffect, useState } from 'react';
import type { MaintenanceWindowView } from '../../../shared/outages';
import { api } from '../../app/api';

/** The next planned outages and IT's patch Wednesdays, so nobody is surprised. */
export function UpcomingWindows() {
  const [windows, setWindows] = useState<MaintenanceWindowView[] | null>(null);

  useEffect(() => {
    void api()
      .outages.upcoming()
      .then((result) => result.ok && setWindows(result.value));
  }, []);

  return (
    <article className="card">
      <h2>Kommande planerade avbrott</h2>
      {windows && windows.length === 0 && <p className="muted">Inga planerade avbrott.</p>}
      <ul className="plain-list">
        {windows?.map((w) => (
          <li key={`${w.date}-${w.from}-${w.source}`}>
            <strong>{w.date}</strong> {w.from}–{w.to}{' '}
            <span className="muted">
              {w.source === 'patchWednesday' ? 'Patchonsdag (IT:s underhåll)' : 'Planerat avbrott'}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}
