import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/contract';
import { registers, type RegisterKey } from '../../shared/registers';
import { mayChangeRecord, whyNotChange } from '../../shared/registers/access';
import type { RegisterRecord } from '../../shared/registers/schemas';
import {
  CASE_WORKER,
  createTestApp,
  FINANCIAL_AID_MANAGER,
  MANAGER,
  SETUP,
  type TestApp,
} from '../support/app';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

/**
 * The record page explains instead of hiding the buttons (shared/registers/access.ts):
 * its rule must be main's, or it would offer what main refuses or refuse what main allows.
 * Every person tries to change every record on a real database; main's answer decides.
 */
describe('who may change a record: the page says what main does', () => {
  let cleanup: () => void;
  let app: TestApp;

  const people = {
    maja: { username: MANAGER.username, password: MANAGER.password },
    kalle: { username: CASE_WORKER.username, password: CASE_WORKER.password },
    ebba: { username: FINANCIAL_AID_MANAGER.username, password: FINANCIAL_AID_MANAGER.password },
    kim: { username: 'kim', password: CASE_WORKER.password },
  };
  const signIn = async (who: keyof typeof people): Promise<SessionUser> => {
    await app.ok('session.signOut');
    const status = (await app.ok('session.signIn', people[who])) as { user: SessionUser };
    return status.user;
  };

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    const now = new Date('2026-11-23T09:00:00Z');
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    app.state.session.autoLockMinutes = 60 * 24 * 30;
    await app.ok('users.create', CASE_WORKER);
    await app.ok('users.create', FINANCIAL_AID_MANAGER);
    await app.ok('users.create', {
      ...CASE_WORKER,
      fullName: 'Kim Kollega',
      initials: 'KK',
      username: 'kim',
    });
    await app.ok('outages.start', { level: 'II', affectedSystems: ['Paraplyet'], note: '' });
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  async function create(key: RegisterKey, by: keyof typeof people): Promise<RegisterRecord> {
    await signIn(by);
    return (await app.ok(`${key}.create`, sampleInput(key) as never)) as RegisterRecord;
  }

  it('agrees with main for every role and owner, and says why when not', async () => {
    const records = [
      { key: 'decisions' as const, record: await create('decisions', 'kalle') },
      { key: 'decisions' as const, record: await create('decisions', 'maja') },
      { key: 'journalNotes' as const, record: await create('journalNotes', 'kim') },
      { key: 'payouts' as const, record: await create('payouts', 'ebba') },
    ];
    const seen: string[] = [];
    for (const who of Object.keys(people) as (keyof typeof people)[]) {
      const user = await signIn(who);
      for (const { key, record } of records) {
        const definition = registers[key];
        const answer = await app.call(`${key}.update`, {
          id: record.id,
          input: sampleInput(key),
        } as never);
        const allowed = mayChangeRecord(definition, user, record);
        expect(answer.ok, `${who} changes ${key} by ${record.createdByName}`).toBe(allowed);
        const why = whyNotChange(definition, user, record);
        expect(why === null).toBe(allowed);
        if (why) seen.push(`${who}: ${why}`);
      }
    }
    expect(seen).toContain(
      'kalle: Registrerad av Maja Enhetschef – bara Maja Enhetschef eller enhetschefen kan ändra eller makulera posten.',
    );
    expect(seen).toContain(
      'kalle: Registrerad av Kim Kollega – bara Kim Kollega eller enhetschefen kan ändra eller makulera posten.',
    );
    expect(seen).toContain(
      'maja: Du kan läsa posten men inte ändra den: poster i registret Utbetalningar ändras av chefen för ekonomiskt bistånd.',
    );
    expect(seen).toContain(
      'ebba: Du kan läsa posten men inte ändra den: poster i registret Beslut ändras av handläggarna och enhetschefen.',
    );
  });
});
