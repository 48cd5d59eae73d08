import type { Outage } from '../../shared/outages';
import { formatDateTime, formatDuration } from '../../shared/time';

/** On every page while an outage is going on: everything recorded now belongs to it. */
export function OutageBanner({ outage, onShow }: { outage: Outage; onShow: () => void }) {
  return (
    <div className="outage-banner" role="status" aria-label="Pågående avbrott">
      <strong>Avbrott pågår – nivå {outage.level}</strong>
      <span>
        sedan {formatDateTime(outage.startsAt)} ({formatDuration(outage.durationMinutes)})
      </span>
      {outage.affectedSystems.length > 0 && <span>{outage.affectedSystems.join(', ')}</span>}
      <span className="outage-banner__hint">Allt som registreras nu hör till avbrottet.</span>
      <button type="button" className="button button--small" onClick={onShow}>
        Visa avbrott
      </button>
    </div>
  );
}
