import { join } from 'node:path';
import type { SessionUser, Status } from '../../shared/contract';
import type { SetupFileInfo } from '../../shared/transfer';
import { localToInstant } from '../../shared/time';
import { setUpFromSetupFile } from '../../main/app/transfer/setUpFromFile';
import { writeSetupFile } from '../../main/app/transfer/writeSetupFile';
import {
  CASE_WORKER,
  createTestApp,
  FINANCIAL_AID_MANAGER,
  PASSPHRASE,
  SETUP,
  type TestApp,
} from './app';

/** A clock that stands still at an office time until a test moves it. */
export class TestClock {
  private instant: number;

  constructor(localDateTime: string) {
    this.instant = Date.parse(localToInstant(localDateTime)!);
  }

  readonly now = (): Date => new Date(this.instant);

  /** Moves to an office time ("2026-11-23T10:30"). */
  at(localDateTime: string): void {
    this.instant = Date.parse(localToInstant(localDateTime)!);
  }
}

/** A session that outlasts the clock's jumps: these tests are not about auto-lock. */
const A_MONTH = 60 * 24 * 30;

/** The office PC: the unit, Maja (enhetschef, signed in), Kalle and Ebba. */
export async function officeWithPeople(dir: string, clock: () => Date): Promise<TestApp> {
  const app = createTestApp(dir, { clock, fileName: 'kontoret.db' });
  await app.ok('unit.setup', SETUP);
  app.state.session.autoLockMinutes = A_MONTH;
  await app.ok('users.create', CASE_WORKER);
  await app.ok('users.create', FINANCIAL_AID_MANAGER);
  return app;
}

export async function signedIn(app: TestApp): Promise<SessionUser> {
  const status = (await app.ok('app.status')) as Status;
  if (!status.user) throw new Error('nobody is signed in');
  return status.user;
}

/** Kalle and Ebba share a password in these tests; Maja has her own. */
export async function signInAs(app: TestApp, username: 'maja' | 'kalle' | 'ebba'): Promise<void> {
  const status = (await app.ok('app.status')) as Status;
  if (status.user) await app.ok('session.signOut');
  const password = username === 'maja' ? SETUP.manager.password : CASE_WORKER.password;
  await app.ok('session.signIn', { username, password });
}

/** The office PC writes a setup file; a fresh laptop is set up from it (nobody signed in). */
export async function prepareLaptop(
  office: TestApp,
  dir: string,
  clock: () => Date,
  name = 'Bärbar 1',
): Promise<{ laptop: TestApp; setupPath: string; info: SetupFileInfo }> {
  const setupPath = join(dir, `${name}.reservparm-setup`);
  const info = await writeSetupFile(
    office.state.db(),
    { actor: await signedIn(office), now: office.state.now(), deviceName: name },
    setupPath,
  );
  const laptop = createTestApp(dir, { clock, fileName: `${name}.db` });
  await setUpFromSetupFile(laptop.state, setupPath, PASSPHRASE);
  laptop.state.session.autoLockMinutes = A_MONTH;
  return { laptop, setupPath, info };
}

const countedTables = [
  'users',
  'outages',
  'reconciliations',
  'decisions',
  'orders',
  'journal_notes',
  'other_documents',
  'payouts',
  'custodians',
  'usb_receipts',
  'printed_references',
  'devices',
  'transfer_seen',
  'outage_aliases',
  'audit_log',
];

/** Rows per table: "the database is unchanged" made checkable. */
export async function tableCounts(app: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const [{ n }] = (await app.state.db().query(`SELECT count(*) AS n FROM ${table}`)) as [
      { n: number },
    ];
    counts[table] = n;
  }
  return counts;
}

export { join };
