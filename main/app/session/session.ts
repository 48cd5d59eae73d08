export type SignedOutReason = 'inactivity' | 'restored' | null;

/** An inactivity lock not yet in the audit log: whose, when it fell due, after how long. */
export interface InactivityLock {
  userId: string;
  at: Date;
  minutes: number;
}

/**
 * Who is signed in on this PC, with the inactivity auto-lock. Only the user id is held:
 * the router looks the person up on every call, so a role change or deactivation takes
 * effect at once.
 */
export class Session {
  private userId: string | null = null;
  private lastActivity = 0;
  private reason: SignedOutReason = null;
  private pendingLock: InactivityLock | null = null;
  autoLockMinutes = 10;
  /** Called on every sign-out, the inactivity lock included: what the person had goes. */
  onSignedOut: () => void = () => undefined;

  signIn(userId: string, now: Date): void {
    this.userId = userId;
    this.lastActivity = now.getTime();
    this.reason = null;
  }

  signOut(reason: SignedOutReason = null): void {
    this.userId = null;
    this.reason = reason;
    this.onSignedOut();
  }

  /** The signed-in user's id, or null; signs out first if the inactivity limit has passed. */
  currentUserId(now: Date): string | null {
    if (this.userId && now.getTime() - this.lastActivity > this.autoLockMinutes * 60_000) {
      // Noticed at the next call, but it happened when the limit passed: logged as then.
      this.pendingLock = {
        userId: this.userId,
        at: new Date(this.lastActivity + this.autoLockMinutes * 60_000),
        minutes: this.autoLockMinutes,
      };
      this.signOut('inactivity');
    }
    return this.userId;
  }

  /**
   * When the session will lock if nothing more happens, or null when nobody is signed in.
   * The renderer counts down to it; main stays the judge (currentUserId).
   */
  lockAt(): Date | null {
    return this.userId ? new Date(this.lastActivity + this.autoLockMinutes * 60_000) : null;
  }

  /**
   * The inactivity lock that happened and is not yet audited, handed out once (the caller
   * writes it to the audit log; see auditInactivityLock).
   */
  takeInactivityLock(): InactivityLock | null {
    const lock = this.pendingLock;
    this.pendingLock = null;
    return lock;
  }

  touch(now: Date): void {
    if (this.userId) this.lastActivity = now.getTime();
  }

  get signedOutReason(): SignedOutReason {
    return this.reason;
  }
}
