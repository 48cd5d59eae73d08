import { useState } from 'react';
import type { SessionUser, Status, Unit } from '../../shared/contract';
import type { Outage } from '../../shared/outages';
import type { Role } from '../../shared/roles';
import { roleLabels } from '../../shared/roles';
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
import { OverviewPage } from '../pages/overview/OverviewPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { UsbReceiptsPage } from '../pages/usbReceipts/UsbReceiptsPage';
import { UsersPage } from '../pages/users/UsersPage';
import { api } from './api';
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

/** Only what is built is in the navigation, and only what the role may use. */
const pages: readonly PageEntry[] = [
  { id: 'overview', label: 'Översikt', roles: 'all' },
  { id: 'outages', label: 'Avbrott', roles: 'all' },
  { id: 'decisions', label: 'Beslut', roles: 'all' },
  { id: 'orders', label: 'Beställningar', roles: 'all' },
  { id: 'journalNotes', label: 'Journalanteckningar', roles: 'all' },
  { id: 'otherDocuments', label: 'Övriga handlingar', roles: 'all' },
  { id: 'payouts', label: 'Utbetalningar', roles: ['financialAidManager', 'unitManager'] },
  { id: 'custodians', label: 'Kassaförvaltare', roles: ['financialAidManager', 'unitManager'] },
  { id: 'usbReceipts', label: 'USB-minnen', roles: ['unitManager'] },
  { id: 'users', label: 'Användare', roles: ['unitManager'] },
  { id: 'audit', label: 'Händelselogg', roles: ['unitManager'] },
  { id: 'settings', label: 'Inställningar', roles: ['unitManager'] },
];

interface ShellProps {
  user: SessionUser;
  unit: Unit;
  dbPath: string;
  activeOutage: Outage | null;
  onStatus: (status: Status) => void;
}

export function Shell({ user, unit, dbPath, activeOutage, onStatus }: ShellProps) {
  const [passwordPrompted] = useState(takePasswordPrompt);
  const [page, setPage] = useState<PageId>(passwordPrompted ? 'password' : 'overview');
  const visible = pages.filter((p) => p.roles === 'all' || p.roles.includes(user.role));

  async function signOut() {
    const result = await api().session.signOut();
    if (result.ok) onStatus(result.value);
  }

  return (
    <SessionContext.Provider value={{ user, unit, activeOutage }}>
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
          <button type="button" className="button button--ghost" onClick={() => void signOut()}>
            Logga ut
          </button>
        </div>
      </header>
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
          {page === 'overview' && <OverviewPage dbPath={dbPath} />}
          {page === 'outages' && <OutagesPage />}
          {page === 'decisions' && <DecisionsPage />}
          {page === 'orders' && <OrdersPage />}
          {page === 'journalNotes' && <JournalNotesPage />}
          {page === 'otherDocuments' && <OtherDocumentsPage />}
          {page === 'payouts' && <PayoutsPage />}
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
