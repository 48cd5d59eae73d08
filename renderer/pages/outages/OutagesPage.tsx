import { useEffect, useState } from 'react';
import {
  ANALYSIS_THRESHOLD_HOURS,
  outageKindLabels,
  type Outage,
  type OutageOverview,
} from '../../../shared/outages';
import { registerKeys, registers, type RegisterKey } from '../../../shared/registers';
import { deadlineStatusWords } from '../../../shared/registers/entryState';
import { outlastsOutageWords } from '../../../shared/usbReceipts';
import { api } from '../../app/api';
import { formatDateTime, formatDuration } from '../../../shared/time';
import { useSession } from '../../app/session';
import { AnalysisForm } from './AnalysisForm';
import { EndOutageForm } from './EndOutageForm';
import { PlanOutageForm } from './PlanOutageForm';
import { StartOutageForm } from './StartOutageForm';
import { useNotice } from '../../components/useNotice';
import { countOf } from '../../../shared/swedishText';

const statusLabels = { planned: 'Planerat', active: 'Pågår', ended: 'Avslutat' } as const;

export function OutagesPage() {
  const { user, activeOutage } = useSession();
  const isManager = user.role === 'unitManager';
  const [overviews, setOverviews] = useState<OutageOverview[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [notice, setNotice] = useNotice<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [planning, setPlanning] = useState(false);
  const [ending, setEnding] = useState(false);
  // Main decides; the button is only offered to those main will let end it.
  const mayEnd = isManager || activeOutage?.createdById === user.id;

  useEffect(() => {
    void api()
      .outages.overview()
      .then((result) => {
        if (result.ok) setOverviews(result.value);
        else setError(result.error.message);
        setLoaded(true);
      });
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
      <OutageTable
        overviews={overviews}
        isManager={isManager}
        loaded={loaded}
        onAnalysisDone={() => done(null)}
      />
    </section>
  );
}

/** "2 dagar 3 tim", or for one going on "pågår sedan 5 tim"; nothing for one planned. */
function durationText(outage: Outage): string {
  if (outage.status === 'planned') return '–';
  const words = formatDuration(outage.durationMinutes);
  return outage.status === 'active' ? `pågår sedan ${words}` : words;
}

/**
 * Every outage with what it left to do. Its columns wrap inside the card (no sideways
 * scrolling at 1366×768): the registers are a short list in one cell. The USB sticks out
 * have a column only for those main counts them for (those who may read the receipts).
 */
function OutageTable({
  overviews,
  isManager,
  loaded,
  onAnalysisDone,
}: {
  overviews: OutageOverview[];
  isManager: boolean;
  loaded: boolean;
  onAnalysisDone: () => void;
}) {
  const showsUsb = overviews.some((overview) => overview.usbOut !== null);
  return (
    <table className="table outage-table">
      <thead>
        <tr>
          <th scope="col">Avbrott</th>
          <th scope="col">Längd</th>
          <th scope="col">Poster per register</th>
          <th scope="col">Ej införda</th>
          <th scope="col">Frister för ej införda</th>
          {showsUsb && <th scope="col">USB-minnen ute</th>}
          <th scope="col">Analys (över {ANALYSIS_THRESHOLD_HOURS} h)</th>
        </tr>
      </thead>
      <tbody>
        {loaded && overviews.length === 0 && (
          <tr>
            <td colSpan={showsUsb ? 7 : 6} className="muted">
              Inga avbrott registrerade. Starta ett ovan när verksamhetssystemet inte går att nå.
            </td>
          </tr>
        )}
        {overviews.map((overview) => (
          <OutageRow
            key={overview.outage.id}
            overview={overview}
            showsUsb={showsUsb}
            isManager={isManager}
            onAnalysisDone={onAnalysisDone}
          />
        ))}
      </tbody>
    </table>
  );
}

function OutageRow({
  overview,
  showsUsb,
  isManager,
  onAnalysisDone,
}: {
  overview: OutageOverview;
  showsUsb: boolean;
  isManager: boolean;
  onAnalysisDone: () => void;
}) {
  const { outage } = overview;
  const withRecords = overview.registers.filter((r) => r.total > 0);
  return (
    <tr>
      <th scope="row" className="outage-cell">
        <span className={`badge${outage.status === 'active' ? ' badge--active' : ''}`}>
          {statusLabels[outage.status]}
        </span>{' '}
        Nivå {outage.level}
        {/* "Planerat" already says it for one ahead. */}
        {outage.status !== 'planned' && `, ${outageKindLabels[outage.kind].toLowerCase()}`}
        <div className="small">
          <span className="nowrap">{formatDateTime(outage.startsAt)} –</span>{' '}
          <span className="nowrap">{outage.endsAt ? formatDateTime(outage.endsAt) : 'pågår'}</span>
        </div>
        {outage.affectedSystems.length > 0 && (
          <div className="muted small">{outage.affectedSystems.join(', ')}</div>
        )}
        {outage.endedByName && (
          <div className="muted small">
            Avslutat av {outage.endedByName}
            {outage.endNote && `: ${outage.endNote}`}
          </div>
        )}
      </th>
      <td>{durationText(outage)}</td>
      <td>
        {withRecords.length === 0 ? (
          <span className="muted">Inga poster</span>
        ) : (
          <ul className="plain-list">
            {withRecords.map((r) => (
              <li key={r.key}>
                {registerTitle(r.key)}: {r.total}
                {r.notEntered > 0 && (
                  <span className="muted">
                    {' '}
                    ({countOf(r.notEntered, 'ej införd', 'ej införda')})
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{overview.notEntered}</td>
      <td>
        {overview.dueSoon === 0 && overview.overdue === 0 ? (
          <span className="muted">–</span>
        ) : (
          <ul className="plain-list">
            {overview.dueSoon > 0 && (
              <li>
                <span className="badge badge--active">{deadlineStatusWords.dueSoon}</span>{' '}
                {overview.dueSoon} inom två arbetsdagar
              </li>
            )}
            {overview.overdue > 0 && (
              <li>
                <span className="badge badge--warning">{deadlineStatusWords.overdue}</span>{' '}
                {countOf(overview.overdue, 'passerad', 'passerade')}
              </li>
            )}
          </ul>
        )}
      </td>
      {showsUsb && (
        <td>
          <UsbOut out={overview.usbOut ?? 0} outlasting={overview.usbOutlasting ?? 0} />
        </td>
      )}
      <td>
        <AnalysisCell outage={outage} canRecord={isManager} onDone={onAnalysisDone} />
      </td>
    </tr>
  );
}

/** The sticks out in an outage, and a flag on those still out although it has ended. */
function UsbOut({ out, outlasting }: { out: number; outlasting: number }) {
  return (
    <>
      {out === 0 ? <span className="muted">0</span> : out}
      {outlasting > 0 && (
        <div>
          <span className="badge badge--warning">{outlastsOutageWords}</span>
          {outlasting < out && ` ${outlasting}`}
        </div>
      )}
    </>
  );
}

/** A register's name as its definition has it ("Beslut", "Journalanteckningar"). */
const registerTitle = (key: string): string =>
  registerKeys.includes(key as RegisterKey) ? registers[key as RegisterKey].title : key;

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
