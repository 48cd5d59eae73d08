import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../shared/zodLocale';
import { contract, type Channel } from '../../shared/contract';
import { objectShape } from '../support/schemaShape';

/**
 * Every message a form can show comes from its schema, in specific Swedish: none may fall
 * back to zod's generic text ("Ogiltig input", "Ogiltig inmatning: förväntat string…",
 * English). Each input schema is fed missing fields, empty and blank strings and wrong
 * types, field by field and inside nested objects, and every resulting message checked.
 */

/** What zod's Swedish locale and its English default write when a schema says nothing. */
const GENERIC =
  /^(Ogiltig input|Ogiltig inmatning|Ogiltigt val|Ogiltigt värde i|Ogiltig nyckel|Ogiltig sträng|Ogiltig\(t\)|Ogiltigt tal|För stor\(t\)|För lite\(t\)|Okänd nyckel|Okända nycklar|Invalid|Too (big|small)|Expected|Unrecognized)/;

/** The sentinel the global error map answers with: any message equal to it is a fallback. */
const FALLBACK = '«generic fallback»';

const wrongValues: readonly unknown[] = [
  undefined,
  null,
  '',
  '   ',
  'x',
  12345,
  -1,
  1.5,
  true,
  [],
  {},
  'x'.repeat(5000),
];

/**
 * Inputs that each put one wrong value in one place: at a top-level field, or inside a
 * nested object (a register's `values`, `update`'s `input`) with its siblings missing.
 */
function probes(schema: z.ZodType): unknown[] {
  const shape = objectShape(schema);
  if (!shape) return [...wrongValues];
  const inputs: unknown[] = [{}];
  for (const [key, field] of Object.entries(shape)) {
    for (const wrong of wrongValues) inputs.push({ [key]: wrong });
    for (const nested of objectShape(field) ? probes(field) : []) inputs.push({ [key]: nested });
  }
  return inputs;
}

function messagesFor(schema: z.ZodType): { input: unknown; path: string; message: string }[] {
  const found: { input: unknown; path: string; message: string }[] = [];
  for (const input of probes(schema)) {
    const result = schema.safeParse(input);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      found.push({ input, path: issue.path.join('.'), message: issue.message });
    }
  }
  return found;
}

/**
 * Channels whose input no form fills in: the list's paging cursor and sizes come from the
 * app itself, so a wrong one is a bug, not something a person typed.
 */
const notTyped = (channel: string) => channel.endsWith('.list') || channel === 'audit.list';

const channels = (Object.keys(contract) as Channel[]).filter(
  (channel) => !(contract[channel].input instanceof z.ZodUndefined) && !notTyped(channel),
);

describe('validation messages are specific Swedish', () => {
  beforeAll(() => {
    // Only messages a schema leaves to zod reach the global error map.
    z.config({ customError: () => FALLBACK });
  });
  afterAll(() => {
    z.config({ customError: undefined });
  });

  it('probes every form channel', () => {
    expect(channels).toContain('cashCard.reconcile');
    expect(channels).toContain('payouts.create');
    expect(channels.length).toBeGreaterThan(30);
  });

  it.each(channels)('%s: every message is its own', (channel) => {
    const fallbacks = messagesFor(contract[channel].input)
      .filter(({ message }) => message === FALLBACK || GENERIC.test(message))
      .map(({ input, path }) => `${path || '(root)'} for ${JSON.stringify(input)?.slice(0, 80)}`);
    expect([...new Set(fallbacks)]).toEqual([]);
  });
});

describe('messages the issue named', () => {
  it('the ICA refill says what is wrong with the amount, not "Ogiltig input"', () => {
    const result = contract['cashCard.reconcile'].input.safeParse({
      reconciledOn: '2026-11-23',
      financeContact: 'Eva Ek',
      refill: '1.234,50',
      balance: '12 345',
      note: '',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['refill', 'Skriv beloppet utan punkt som tusentalsavgränsare: 1234,50 eller 1 234,50.'],
    ]);
  });

  it('an empty refill is no refill', () => {
    const result = contract['cashCard.reconcile'].input.parse({
      reconciledOn: '2026-11-23',
      financeContact: 'Eva Ek',
      refill: '',
      balance: '12 345',
      note: '',
    });
    expect(result.refill).toBe(0);
  });
});
