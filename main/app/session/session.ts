export type SignedOutReason = 'inactivity' | null;

/**
 * Who is signed in on this PC, with the inactivity auto-lock. Only the user id is held:
 * the router looks the person up on every call, so a role change or deactivation takes
 * effect at once.
 */
export class Session {
  private userId: string | null = null;
  private lastActivity = 0;
  private reason: SignedOutReason = null;
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

  touch(now: Date): void {
    if (this.userId) this.lastActivity = now.getTime();
  }

  get signedOutReason(): SignedOutReason {
    return this.reason;
  }
}
