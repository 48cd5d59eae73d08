import type { RegisterKey } from '../../../shared/registers';
import { roleLabels } from '../../../shared/roles';
import type { ListFilter } from '../registers/useRecordPages';
import { useSession } from '../../app/session';
import { BackupCard } from './BackupCard';
import { CashCardSummary } from './CashCardSummary';
import { RegisterSummaryCard } from './RegisterSummaryCard';
import { UnusedReferencesCard } from './UnusedReferencesCard';
import { UpcomingWindows } from './UpcomingWindows';
import { countOf } from '../../../shared/swedishText';

interface Props {
  dbPath: string;
  /** Opens "Ej införda blanketter". */
  onShowReferences: () => void;
  /** Opens a register's list with a filter (a count's own records). */
  onShowList: (key: RegisterKey, filter: Partial<ListFilter>) => void;
}

export function OverviewPage({ dbPath, onShowReferences, onShowList }: Props) {
  const { user, unit } = useSession();
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Översikt</h1>
      <div className="cards">
        {user.role !== 'caseWorker' && <CashCardSummary />}
        <UnusedReferencesCard onShow={onShowReferences} />
        <RegisterSummaryCard onShow={onShowList} />
        <article className="card">
          <h2>Enheten</h2>
          <dl className="facts">
            <dt>Enhet</dt>
            <dd>{unit.name}</dd>
            <dt>Förvaltning</dt>
            <dd>{unit.department}</dd>
            <dt>Automatisk låsning</dt>
            <dd>efter {countOf(unit.autoLockMinutes, 'minuts', 'minuters')} inaktivitet</dd>
            <dt>Databas</dt>
            <dd>
              <code>{dbPath}</code> (krypterad)
            </dd>
          </dl>
        </article>
        <article className="card">
          <h2>Inloggad</h2>
          <dl className="facts">
            <dt>Namn</dt>
            <dd>{user.fullName}</dd>
            <dt>Signatur</dt>
            <dd>{user.initials}</dd>
            <dt>Roll</dt>
            <dd>{roleLabels[user.role]}</dd>
            <dt>Användarnamn</dt>
            <dd>{user.username}</dd>
          </dl>
        </article>
        <UpcomingWindows />
        <BackupCard canChooseFolder={user.role === 'unitManager'} />
      </div>
    </section>
  );
}
