import { useState } from 'react';
import type { SessionUser, Status, Unit } from '../../shared/contract';
import { custodianReaders } from '../../shared/custodians';
import type { DeviceKind } from '../../shared/devices';
import type { Outage } from '../../shared/outages';
import { registers } from '../../shared/registers';
import type { Role } from '../../shared/roles';
import { roleLabels } from '../../shared/roles';
import { usbReceiptKeepers } from '../../shared/usbReceipts';
import { ChangePasswordPage } from '../pages/account/ChangePasswordPage';
import { takePasswordPrompt } from '../pages/account/passwordPrompt';
import { AuditPage } from '../pages/audit/AuditPage';
import { CustodiansPage } from '../pages/custodians/CustodiansPage';
import { DecisionsPage } from '../pages/decisions/DecisionsPage';
import { JournalNotesPage } from '../pages/journalNotes/JournalNotesPage';
import { OrdersPage } from '../pages/orders/OrdersPage';
import { OtherDocumentsPage } from '../pages/otherDocuments/OtherDocumentsPage';
import { OutagesPage } from '../pages/outages/OutagesPage';
import { PayoutsPage } from '../pages/payouts/PayoutsPage';
import { ExportPage } from '../pages/export/ExportPage';
import { PrintingPage } from '../pages/printing/PrintingPage';
import { OverviewPage } from '../pages/overview/OverviewPage';
import { UnusedReferencesPage } from '../pages/references/UnusedReferencesPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { UsbReceiptsPage } from '../pages/usbReceipts/UsbReceiptsPage';
import { UsersPage } from '../pages/users/UsersPage';
import { presetListFilter } from '../pages/registers/listPreset';
import { api } from './api';
import { LeaveGuardProvider } from './LeaveGuard';
import { LockWarning } from './LockWarning';
import { OutageBanner } from './OutageBanner';
import { SessionContext } from './session';

type PageId =
  | 'overview'
  | 'outages'
  | 'decisions'
  | 'orders'
  | 'journalNotes'
  | 'otherDocuments'
  | 'payouts'
  | 'paperReferences'
  | 'printing'
  | 'export'
  | 'custodians'
  | 'usbReceipts'
  | 'users'
  | 'audit'
  | 'settings'
  /** Reached from the top bar, for every role: not in the menu. */
  | 'password';

interface PageEntry {
  id: PageId;
  label: string;
  roles: readonly Role[] | 'all';
}

/** Only what is built is in the navigation, and only what the role may use (the registers' own access). */
const pages: readonly PageEntry[] = [
  { id: 'overview', label: 'Översikt', roles: 'all' },
  { id: 'outages', label: 'Avbrott', roles: 'all' },
  { id: 'decisions', label: 'Beslut', roles: registers.decisions.access.read },
  { id: 'orders', label: 'Beställningar', roles: registers.orders.access.read },
  { id: 'journalNotes', label: 'Journalanteckningar', roles: registers.journalNotes.access.read },
  { id: 'otherDocuments', label: 'Övriga handlingar', roles: registers.otherDocuments.access.read },
  { id: 'payouts', label: 'Utbetalningar', roles: registers.payouts.access.read },
  { id: 'paperReferences', label: 'Ej införda blanketter', roles: 'all' },
  { id: 'printing', label: 'Utskrifter', roles: 'all' },
  { id: 'export', label: 'Export', roles: 'all' },
  { id: 'custodians', label: 'Kassaförvaltare', roles: custodianReaders },
  { id: 'usbReceipts', label: 'USB-minnen', roles: usbReceiptKeepers },
  { id: 'users', label: 'Användare', roles: ['unitManager'] },
  { id: 'audit', label: 'Händelselogg', roles: ['unitManager'] },
  { id: 'settings', label: 'Inställningar', roles: ['unitManager'] },
];

interface ShellProps {
  user: SessionUser;
  unit: Unit;
  dbPath: string;
  activeOutage: Outage | null;
  deviceKind: DeviceKind;
  /** When main locks the session for inactivity; the warning counts down to it. */
  autoLockAt: string | null;
  /** Raised each time this person's unsaved input came back after the lock. */
  restored: number;
  onStatus: (status: Status) => void;
}

export function Shell(props: ShellProps) {
  return (
    <LeaveGuardProvider>{(guard) => <ShellContent {...props} guard={guard} />}</LeaveGuardProvider>
  );
}

function ShellContent({
  user,
  unit,
  dbPath,
  activeOutage,
  deviceKind,
  autoLockAt,
  restored,
  onStatus,
  guard,
}: ShellProps & { guard: (leave: () => void) => void }) {
  const [passwordPrompted] = useState(takePasswordPrompt);
  const [page, setShownPage] = useState<PageId>(passwordPrompted ? 'password' : 'overview');
  // Restorations before this shell was mounted are not news to it.
  const [seenRestore, setSeenRestore] = useState(restored);
  const visible = pages.filter((p) => p.roles === 'all' || p.roles.includes(user.role));

  const setPage = (next: PageId, arrive?: () => void) =>
    guard(() => {
      arrive?.();
      setShownPage(next);
      setSeenRestore(restored);
    });

  function signOut() {
    guard(() => {
      void api()
        .session.signOut()
        .then((result) => result.ok && onStatus(result.value));
    });
  }

  return (
    <SessionContext.Provider value={{ user, unit, activeOutage, deviceKind }}>
      <a className="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <span className="topbar__app">Reservpärm</span>
          <span className="topbar__unit">
            {unit.name} · {unit.department}
          </span>
        </div>
        <div className="topbar__user">
          <span>
            {user.fullName} ({user.initials}) · {roleLabels[user.role]}
          </span>
          <button
            type="button"
            className="button button--ghost"
            aria-current={page === 'password' ? 'page' : undefined}
            onClick={() => setPage('password')}
          >
            Byt lösenord
          </button>
          <button type="button" className="button button--ghost" onClick={signOut}>
            Logga ut
          </button>
        </div>
      </header>
      <LockWarning autoLockAt={autoLockAt} />
      {activeOutage && <OutageBanner outage={activeOutage} onShow={() => setPage('outages')} />}
      <div className="layout">
        <nav className="sidenav" aria-label="Huvudmeny">
          <ul>
            {visible.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  className="sidenav__link"
                  aria-current={page === entry.id ? 'page' : undefined}
                  onClick={() => setPage(entry.id)}
                >
                  {entry.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {restored > seenRestore && (
            <div className="alert alert--info restored-notice" role="status">
              <strong>Välkommen tillbaka.</strong> Det du skrev innan du loggades ut finns kvar här
              nedan. Det är inte sparat förrän du trycker Spara.{' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => setSeenRestore(restored)}
              >
                Stäng
              </button>
            </div>
          )}
          {page === 'overview' && (
            <OverviewPage
              dbPath={dbPath}
              onShowReferences={() => setPage('paperReferences')}
              onShowList={(key, filter) => setPage(key, () => presetListFilter(key, filter))}
            />
          )}
          {page === 'outages' && <OutagesPage />}
          {page === 'decisions' && <DecisionsPage />}
          {page === 'orders' && <OrdersPage />}
          {page === 'journalNotes' && <JournalNotesPage />}
          {page === 'otherDocuments' && <OtherDocumentsPage />}
          {page === 'payouts' && <PayoutsPage />}
          {page === 'paperReferences' && <UnusedReferencesPage />}
          {page === 'printing' && <PrintingPage />}
          {page === 'export' && <ExportPage />}
          {page === 'custodians' && <CustodiansPage />}
          {page === 'usbReceipts' && <UsbReceiptsPage />}
          {page === 'users' && <UsersPage />}
          {page === 'audit' && <AuditPage />}
          {page === 'settings' && <SettingsPage />}
          {page === 'password' && <ChangePasswordPage prompted={passwordPrompted} />}
        </main>
      </div>
    </SessionContext.Provider>
  );
}
