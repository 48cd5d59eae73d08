import { describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { useUnitApp, type TestApp } from '../support/app';
import { sampleInput } from '../support/records';

describe('bounded input', () => {
  let app: TestApp;

  useUnitApp((ready) => {
    app = ready;
  });

  const tenMegabytes = 'x'.repeat(10 * 1024 * 1024);

  it('refuses a 10 MB payload before validating or handling it', async () => {
    await app.ok('session.signOut');
    const before = (await listAudit(app.state.db(), 0, 200)).total;
    const result = await app.call('session.signIn', { username: 'maja', password: tenMegabytes });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE', message: expect.stringMatching(/för stora.*Ingenting sparades/) },
    });
    // Not even counted as a failed sign-in: the handler never saw it.
    expect((await listAudit(app.state.db(), 0, 200)).total).toBe(before);
    // Nested deep inside an array, too.
    const nested = await app.call('outages.start', {
      level: 'II',
      affectedSystems: Array.from({ length: 1000 }, () => 'y'.repeat(20_000)),
      note: '',
    });
    expect(nested).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('still takes the largest input a form can send (a 20 000-character journal note)', async () => {
    await app.ok('outages.start', { level: 'II', affectedSystems: [], note: '' });
    const input = sampleInput('journalNotes');
    const note = { ...input, values: { ...input.values, text: 'ä'.repeat(20_000) } };
    expect(await app.call('journalNotes.create', note as never)).toMatchObject({ ok: true });
  });

  it('refuses a string over its field’s maximum with a Swedish message', async () => {
    const result = await app.call('session.signIn', {
      username: 'maja',
      password: 'p'.repeat(501),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { password: 'Högst 500 tecken.' } },
    });
  });
});
