import { describe, expect, it } from 'vitest';
import type { SessionUser, Status } from '../../shared/contract';
import {
  formatCountdown,
  isNearLock,
  msUntilLock,
  shouldReportActivity,
  showsLockWarning,
} from '../../renderer/app/inactivity';
import { initialView, nextView, type AppView } from '../../renderer/app/lockedSession';
import { differs, hasUnsavedChanges, reportUnsaved } from '../../renderer/app/unsavedChanges';

describe('unsaved input', () => {
  it('is any value that differs from the start, but not a field emptied again', () => {
    const start = { clientName: '', 'values.note': '', reserveIdentity: false };
    expect(differs(start, { ...start })).toBe(false);
    expect(differs(start, { ...start, 'values.note': 'Hembesök' })).toBe(true);
    expect(differs(start, { ...start, reserveIdentity: true })).toBe(true);
    expect(differs(start, { ...start, 'values.extra': '' })).toBe(false);
    expect(differs({ a: 'x' }, {})).toBe(true);
  });

  it('counts each open form once, until it is saved or closed', () => {
    const one = {};
    const two = {};
    reportUnsaved(one, true);
    reportUnsaved(two, true);
    reportUnsaved(one, true);
    reportUnsaved(one, false);
    expect(hasUnsavedChanges()).toBe(true);
    reportUnsaved(two, false);
    expect(hasUnsavedChanges()).toBe(false);
  });
});

describe('the inactivity countdown', () => {
  const lockAt = '2026-11-23T09:10:00.000Z';
  const at = (iso: string) => new Date(iso);

  it('shows for the last two minutes only, counted on the given clock', () => {
    expect(showsLockWarning(msUntilLock(lockAt, at('2026-11-23T09:07:59.000Z')))).toBe(false);
    expect(showsLockWarning(msUntilLock(lockAt, at('2026-11-23T09:08:00.000Z')))).toBe(true);
    expect(showsLockWarning(msUntilLock(lockAt, at('2026-11-23T09:10:00.000Z')))).toBe(false);
    expect(showsLockWarning(msUntilLock(null, at('2026-11-23T09:09:00.000Z')))).toBe(false);
  });

  it('reads minutes and seconds and never says 0:00 before the lock', () => {
    expect(formatCountdown(120_000)).toBe('2:00');
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(44_100)).toBe('0:45');
    expect(formatCountdown(200)).toBe('0:01');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('reports activity once a minute, but at once near the lock so the warning cannot lie', () => {
    const ms = (iso: string) => Date.parse(iso);
    const lastReport = ms('2026-11-23T09:00:30.000Z');
    // Far from the lock: throttled.
    expect(shouldReportActivity(ms('2026-11-23T09:01:00.000Z'), lastReport, lockAt)).toBe(false);
    expect(shouldReportActivity(ms('2026-11-23T09:01:30.000Z'), lastReport, lockAt)).toBe(true);
    // Within three minutes of the lock, a report 10 s after the last one still goes.
    const recent = ms('2026-11-23T09:07:00.000Z');
    expect(shouldReportActivity(ms('2026-11-23T09:07:10.000Z'), recent, lockAt)).toBe(true);
    expect(isNearLock(ms('2026-11-23T09:07:10.000Z'), lockAt)).toBe(true);
    // ... but not on every key.
    expect(shouldReportActivity(ms('2026-11-23T09:07:02.000Z'), recent, lockAt)).toBe(false);
    expect(isNearLock(ms('2026-11-23T09:06:00.000Z'), lockAt)).toBe(false);
  });
});

describe('the session held across the inactivity lock', () => {
  const kalle: SessionUser = {
    id: '11111111-1111-4111-8111-111111111111',
    fullName: 'Kalle Handläggare',
    initials: 'KH',
    username: 'kalle',
    role: 'caseWorker',
  };
  const ebba: SessionUser = { ...kalle, id: '22222222-2222-4222-8222-222222222222' };
  const unit = {
    name: 'Enhet Test',
    department: 'Socialförvaltningen',
    autoLockMinutes: 10,
    patchWednesday: true,
    cardProvider: 'ICA',
    referencePrefix: 'ET',
  };
  const base = {
    dbPath: '/x.db',
    unit,
    activeOutage: null,
    now: '2026-11-23T09:00:00.000Z',
    autoLockAt: null,
    deviceKind: 'office' as const,
  };
  const signedIn = (user: SessionUser): Status => ({
    ...base,
    phase: 'signedIn',
    user,
    signedOutReason: null,
    autoLockAt: '2026-11-23T09:10:00.000Z',
  });
  const lockedOut: Status = {
    ...base,
    phase: 'signedOut',
    user: null,
    signedOutReason: 'inactivity',
  };
  const signedOut: Status = { ...lockedOut, signedOutReason: null };
  const step = (view: AppView, status: Status, unsaved = false) =>
    nextView(view, status, () => unsaved);

  it('holds the screen at the lock and gives it back to the same person, with a notice', () => {
    const locked = step(step(initialView, signedIn(kalle)), lockedOut, true);
    expect(locked.held).toMatchObject({ user: kalle, hadUnsaved: true });
    const polled = step(locked, lockedOut);
    expect(polled.held).toEqual(locked.held);
    const back = step(polled, signedIn(kalle));
    expect(back).toMatchObject({ held: null, restored: 1 });
  });

  it('says nothing came back when nothing was unsaved', () => {
    const locked = step(step(initialView, signedIn(kalle)), lockedOut, false);
    expect(step(locked, signedIn(kalle)).restored).toBe(0);
  });

  it('discards it for another person, a changed role, or a normal sign-out', () => {
    const locked = step(step(initialView, signedIn(kalle)), lockedOut, true);
    expect(step(locked, signedIn(ebba))).toMatchObject({ held: null, restored: 0 });
    const manager = { ...kalle, role: 'unitManager' } as const;
    expect(step(locked, signedIn(manager))).toMatchObject({ held: null, restored: 0 });
    expect(step(step(initialView, signedIn(kalle)), signedOut).held).toBeNull();
  });
});
