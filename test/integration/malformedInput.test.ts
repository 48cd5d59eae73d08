import { describe, expect, it } from 'vitest';
import { FINANCIAL_AID_MANAGER, useUnitApp, type TestApp } from '../support/app';
import { malformedInput } from '../../main/app/router';

/**
 * What the hostile-input property tests found (test/integration/hostileInput.test.ts):
 * input of the wrong form got zod's generic "Ogiltig inmatning: förväntat …", and an
 * object without prototype whose `length` is an object made zod itself throw.
 */
describe('input of the wrong form', () => {
  let app: TestApp;
  useUnitApp(async (ready) => {
    app = ready;
    await app.ok('users.create', FINANCIAL_AID_MANAGER);
  });

  it('says in plain Swedish that it could not be read, not zod’s generic text', async () => {
    expect(await app.call('outages.list', 'x' as never)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: malformedInput, fields: { _: malformedInput } },
    });
    const result = await app.call('audit.list', { offset: 'noll', limit: [] } as never);
    expect(result).toMatchObject({
      ok: false,
      error: { fields: { offset: malformedInput, limit: malformedInput } },
    });
    expect(malformedInput).toMatch(/Ingenting sparades/);
  });

  it('refuses a value that breaks zod itself as a validation error, not an internal one', async () => {
    const length = Object.create(null) as Record<string, unknown>;
    length.x = 1;
    const unitName = Object.create(null) as Record<string, unknown>;
    unitName.length = length;
    await app.signInAs('ebba');
    // createTestApp fails the test on any internal error.
    expect(await app.call('custodians.update', { unitName } as never)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: malformedInput },
    });
  });
});
