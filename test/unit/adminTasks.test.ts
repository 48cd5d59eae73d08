import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcileInput, reconciliationSavedText } from '../../shared/cashCard';
import { issueUsbInput, stickKey } from '../../shared/usbReceipts';
import { formatDuration, localToInstant } from '../../shared/time';
import { deadlineWindow } from '../../main/app/domain/deadlines';
import {
  AUTO_LOCK_MAX_MINUTES,
  AUTO_LOCK_MIN_MINUTES,
  unitDetailsInput,
} from '../../shared/unitSettings';
import {
  isNearLock,
  msUntilLock,
  NEAR_LOCK_MS,
  REPORT_EVERY_MS,
  showsLockWarning,
  WARN_BEFORE_LOCK_MS,
} from '../../renderer/app/inactivity';

/** Characters people put between the parts of a stick's number. */
const separator = fc.constantFrom(' ', '-', '_', '.', '/', '\u00a0', '  ');
/** Letters and digits as a stick's number holds them. */
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäöABCZÅÄÖ0123456789'.split(''));

describe('USB stick numbers compared by one key', () => {
  it('takes "USB10", "USB 10", "usb-10" and "Usb_10" for the same stick', () => {
    const keys = ['USB10', 'USB 10', 'usb-10', 'Usb_10', ' usb 1-0 '].map(stickKey);
    expect(new Set(keys)).toEqual(new Set(['USB10']));
    expect(stickKey('USB 1')).not.toBe(stickKey('USB 10'));
    expect(stickKey('Minne Ö-3')).toBe('MINNEÖ3');
    expect(stickKey('- -')).toBe('');
  });

  it('ignores case and separators anywhere, and never merges different letters or digits (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(alnum, fc.option(separator, { nil: undefined })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        (parts, upper) => {
          const plain = parts.map(([c]) => c).join('');
          const typed = parts.map(([c, sep]) => c + (sep ?? '')).join('');
          const cased = upper ? typed.toUpperCase() : typed.toLowerCase();
          expect(stickKey(cased)).toBe(stickKey(plain));
          // The key is a fixed point, and keeps every letter and digit in order.
          expect(stickKey(stickKey(typed))).toBe(stickKey(typed));
          expect([...stickKey(plain)].length).toBe(parts.length);
        },
      ),
    );
  });

  it('tells apart numbers whose letters or digits differ (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{1,8}$/),
        fc.stringMatching(/^[A-Z0-9]{1,8}$/),
        (a, b) => {
          fc.pre(a !== b);
          expect(stickKey(a)).not.toBe(stickKey(b));
        },
      ),
    );
  });

  it('refuses a number with no letter or digit, next to the field', () => {
    const result = issueUsbInput.safeParse({
      stickNumber: '--',
      issuedOn: '2026-11-23',
      receiverName: 'Olle',
      receiverSignature: 'OL',
      workplace: 'Tensta',
      outageId: null,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['stickNumber', 'USB-minnets nummer ska innehålla bokstäver eller siffror, t.ex. USB 10.'],
    ]);
  });
});

describe('durations in Swedish words', () => {
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [60, '1 tim'],
    [5 * 60 + 10, '5 tim 10 min'],
    [24 * 60, '1 dag'],
    [24 * 60 + 59, '1 dag'],
    [2 * 24 * 60 + 3 * 60 + 20, '2 dagar 3 tim'],
    [10 * 24 * 60, '10 dagar'],
  ])('%i minutes read "%s"', (minutes, words) => {
    expect(formatDuration(minutes)).toBe(words);
  });
});

describe('the unit details the enhetschef edits', () => {
  const details = (autoLockMinutes: string) =>
    unitDetailsInput.safeParse({ name: 'Enhet Norr', department: 'Soc', autoLockMinutes });
  const message = (autoLockMinutes: string) =>
    details(autoLockMinutes).error?.issues.map((i) => i.message);

  it('takes 5–60 whole minutes and says why anything else is refused', () => {
    expect(details(' 15 ').data).toEqual({
      name: 'Enhet Norr',
      department: 'Soc',
      autoLockMinutes: 15,
    });
    expect(details('5').success).toBe(true);
    expect(details('60').success).toBe(true);
    for (const tooShort of ['0', '1', '2', '4']) {
      expect(message(tooShort)).toEqual(['Minst 5 minuter.']);
    }
    expect(message('61')).toEqual(['Högst 60 minuter.']);
    expect(message('')).toEqual(['Ange antal minuter.']);
    expect(message('7,5')).toEqual(['Ange ett helt antal minuter med siffror, t.ex. 10.']);
    expect(message('tio')).toEqual(['Ange ett helt antal minuter med siffror, t.ex. 10.']);
  });
});

describe('the shortest auto-lock and the inactivity warning', () => {
  it('leaves room for the warning and the minute of reports before it', () => {
    expect(NEAR_LOCK_MS).toBe(WARN_BEFORE_LOCK_MS + REPORT_EVERY_MS);
    expect(AUTO_LOCK_MIN_MINUTES * 60_000).toBeGreaterThan(NEAR_LOCK_MS);
    expect(AUTO_LOCK_MAX_MINUTES).toBeGreaterThan(AUTO_LOCK_MIN_MINUTES);
  });

  it('shows no warning and reports no keystroke right after activity, at any allowed limit', () => {
    const now = new Date('2026-11-23T09:00:00.000Z');
    for (let minutes = AUTO_LOCK_MIN_MINUTES; minutes <= AUTO_LOCK_MAX_MINUTES; minutes++) {
      const lockAt = new Date(now.getTime() + minutes * 60_000).toISOString();
      expect(showsLockWarning(msUntilLock(lockAt, now))).toBe(false);
      expect(isNearLock(now.getTime(), lockAt)).toBe(false);
    }
  });
});

describe('the reconciliation says what it saved', () => {
  it('reads the balance as kronor and öre, and refuses a missing one', () => {
    const input = {
      reconciledOn: '2026-11-20',
      financeContact: 'Per',
      refill: '',
      note: '',
    };
    expect(reconcileInput.parse({ ...input, balance: '12 345,50' }).balance).toBe(1_234_550);
    expect(
      reconcileInput.safeParse({ ...input, balance: '' }).error?.issues.map((i) => i.path[0]),
    ).toEqual(['balance']);
  });

  it('names the period, the balance, the payouts and the refill', () => {
    const saved = {
      id: 'r1',
      reconciledOn: '2026-11-20',
      financeContact: 'Per',
      totalOre: 4_500_000,
      refillOre: 3_000_000,
      note: '',
      payoutCount: 3,
      createdByName: 'Ebba',
      createdAt: '2026-11-20T10:00:00.000Z',
      balanceOre: 1_234_500,
      periodFrom: '2026-11-02',
    };
    expect(reconciliationSavedText(saved)).toBe(
      'Avstämningen för perioden 2026-11-02 – 2026-11-20 är sparad: saldo 12\u00a0345\u00a0kr, ' +
        '3 utbetalningar på totalt 45\u00a0000\u00a0kr, påfyllning 30\u00a0000\u00a0kr.',
    );
    expect(
      reconciliationSavedText({ ...saved, payoutCount: 1, refillOre: 0, periodFrom: '2026-11-20' }),
    ).toBe(
      'Avstämningen för perioden 2026-11-20 är sparad: saldo 12\u00a0345\u00a0kr, ' +
        '1 utbetalning på totalt 45\u00a0000\u00a0kr, ingen påfyllning.',
    );
  });
});

describe('the deadline window the lists and the outages page share', () => {
  it.each([
    // Friday afternoon: due soon until Tuesday (two working days on).
    ['2026-11-27T13:00', '2026-11-27', '2026-12-01'],
    // Just after midnight in Stockholm, still the evening before in UTC.
    ['2026-11-24T00:30', '2026-11-24', '2026-11-26'],
    // Before Christmas: julafton, juldagen, annandag jul and the weekend are no working days.
    ['2026-12-23T09:00', '2026-12-23', '2026-12-29'],
  ])('at %s: today %s, due soon until %s', (local, today, dueSoonUntil) => {
    expect(deadlineWindow(new Date(localToInstant(local)!))).toEqual({ today, dueSoonUntil });
  });
});
