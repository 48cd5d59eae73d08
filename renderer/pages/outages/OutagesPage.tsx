import { useEffect, useState } from 'react';
import { ANALYSIS_THRESHOLD_HOURS, outageKindLabels, type Outage } from '../../../shared/outages';
import { api } from '../../app/api';
import { formatDateTime, formatDuration } from '../../../shared/time';
import { useSession } from '../../app/session';
import { AnalysisForm } from './AnalysisForm';
import { EndOutageForm } from './EndOutageForm';
import { PlanOutageForm } from './PlanOutageForm';
import { StartOutageForm } from './StartOutageForm';
import { useNotice } from '../../components/useNotice';

const statusLabels = { planned: 'Planerat', active: 'Pågår', ended: 'Avslutat' } as const;

export function OutagesPage() {
  const { user, activeOutage } = useSession();
  const isManager = user.role === 'unitManager';
  const [outages, setOutages] = useState<Outage[]>([]);
  const [notice, setNotice] = useNotice<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [planning, setPlanning] = useState(false);
  const [ending, setEnding] = useState(false);
  // Main decides; the button is only offered to those main will let end it.
  const mayEnd = isManager || activeOutage?.createdById === user.id;

  useEffect(() => {
    void api()
      .outages.list()
      .then((result) => (result.ok ? setOutages(result.value) : setError(result.error.message)));
  }, [version, activeOutage?.id]);

  function done(message: string | null) {
    setNotice(message);
    setError(null);
    setVersion((v) => v + 1);
  }

  return (
    <section aria-labelledby="outages-title">
      <h1 id="outages-title">Avbrott</h1>
      {notice && (
        <div className="alert alert--success" role="status">
          {notice}
        </div>
      )}
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {activeOutage ? (
        <div className="panel">
          <h2>Pågående avbrott</h2>
          <p>
            Nivå {activeOutage.level}, sedan {formatDateTime(activeOutage.startsAt)} (
            {formatDuration(activeOutage.durationMinutes)}).
          </p>
          {mayEnd ? (
            !ending && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setEnding(true)}
              >
                Avsluta avbrottet…
              </button>
            )
          ) : (
            <p className="muted">
              Avbrottet avslutas av enhetschefen eller den som registrerade det, eftersom slutdagen
              bestämmer när journalanteckningarna ska vara införda.
            </p>
          )}
        </div>
      ) : (
        <StartOutageForm onDone={done} />
      )}
      {activeOutage && mayEnd && ending && (
        <EndOutageForm
          outage={activeOutage}
          onCancel={() => setEnding(false)}
          onDone={(message) => {
            setEnding(false);
            done(message);
          }}
        />
      )}
      {isManager &&
        (planning ? (
          <PlanOutageForm
            onDone={(message) => {
              setPlanning(false);
              done(message);
            }}
          />
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setPlanning(true)}>
              Planera ett avbrott i förväg…
            </button>
          </p>
        ))}

      <h2>Alla avbrott</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Typ</th>
            <th scope="col">Nivå</th>
            <th scope="col">Start</th>
            <th scope="col">Slut</th>
            <th scope="col">Längd</th>
            <th scope="col">Berörda system</th>
            <th scope="col">Analys (över {ANALYSIS_THRESHOLD_HOURS} h)</th>
          </tr>
        </thead>
        <tbody>
          {outages.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                Inga avbrott registrerade. Starta ett ovan när verksamhetssystemet inte går att nå.
              </td>
            </tr>
          )}
          {outages.map((outage) => (
            <tr key={outage.id}>
              <td>
                <span className={`badge${outage.status === 'active' ? ' badge--active' : ''}`}>
                  {statusLabels[outage.status]}
                </span>
              </td>
              <td>{outageKindLabels[outage.kind]}</td>
              <td>{outage.level}</td>
              <td className="nowrap">{formatDateTime(outage.startsAt)}</td>
              <td>
                <span className="nowrap">
                  {outage.endsAt ? formatDateTime(outage.endsAt) : '–'}
                </span>
                {outage.endedByName && (
                  <div className="muted small">
                    av {outage.endedByName}
                    {outage.endNote && `: ${outage.endNote}`}
                  </div>
                )}
              </td>
              <td className="nowrap">
                {outage.status === 'planned' ? '–' : formatDuration(outage.durationMinutes)}
              </td>
              <td>{outage.affectedSystems.join(', ')}</td>
              <td>
                <AnalysisCell outage={outage} canRecord={isManager} onDone={() => done(null)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AnalysisCell({
  outage,
  canRecord,
  onDone,
}: {
  outage: Outage;
  canRecord: boolean;
  onDone: () => void;
}) {
  if (!outage.needsAnalysis) return <span className="muted">Krävs inte</span>;
  if (outage.analysisDoneOn) {
    return (
      <span className="badge badge--ok">
        Gjord {outage.analysisDoneOn} ({outage.analysisByName})
      </span>
    );
  }
  return (
    <div>
      <span className="badge badge--warning">Analys krävs</span>
      {canRecord && outage.status === 'ended' && <AnalysisForm outage={outage} onDone={onDone} />}
    </div>
  );
}
