import { describe, expect, it } from 'vitest';
import { Session } from '../../main/app/session/session';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 9, minutes));

describe('session auto-lock', () => {
  it('locks after the configured minutes of inactivity and says why', () => {
    const session = new Session();
    session.autoLockMinutes = 5;
    session.signIn('u1', at(0));
    expect(session.currentUserId(at(5))).toBe('u1');
    expect(session.currentUserId(at(6))).toBeNull();
    expect(session.signedOutReason).toBe('inactivity');
  });

  it('hands out the inactivity lock once, for the audit log: whose, when it fell due, after how long', () => {
    const session = new Session();
    session.autoLockMinutes = 5;
    session.signIn('u1', at(0));
    session.touch(at(2));
    expect(session.takeInactivityLock()).toBeNull();
    // Noticed at 20, but due at 7: the log says when it happened.
    expect(session.currentUserId(at(20))).toBeNull();
    expect(session.takeInactivityLock()).toEqual({ userId: 'u1', at: at(7), minutes: 5 });
    expect(session.takeInactivityLock()).toBeNull();
    // A sign-out of one's own is no lock.
    session.signIn('u2', at(21));
    session.signOut();
    expect(session.currentUserId(at(40))).toBeNull();
    expect(session.takeInactivityLock()).toBeNull();
  });

  it('counts activity from the last touch', () => {
    const session = new Session();
    session.signIn('u1', at(0));
    session.touch(at(9));
    expect(session.currentUserId(at(18))).toBe('u1');
  });

  it('clears the reason on a normal sign-out and sign-in', () => {
    const session = new Session();
    session.signIn('u1', at(0));
    session.currentUserId(at(30));
    session.signIn('u2', at(31));
    expect(session.signedOutReason).toBeNull();
    session.signOut();
    expect(session.currentUserId(at(32))).toBeNull();
    expect(session.signedOutReason).toBeNull();
  });

  it('tells when it will lock: last activity plus the limit, none when signed out', () => {
    const session = new Session();
    expect(session.lockAt()).toBeNull();
    session.signIn('u1', at(0));
    expect(session.lockAt()).toEqual(at(10));
    session.touch(at(4));
    expect(session.lockAt()).toEqual(at(14));
    expect(session.currentUserId(at(14))).toBe('u1');
    expect(session.currentUserId(new Date(at(14).getTime() + 1))).toBeNull();
    expect(session.lockAt()).toBeNull();
  });

  it('ignores touches when nobody is signed in', () => {
    const session = new Session();
    session.touch(at(1));
    expect(session.currentUserId(at(1))).toBeNull();
  });
});
