import type { Role } from './roles';

/** Who may call a channel (see shared/contract.ts), or read a register, or print a list. */
export type Access =
  /** Needs no open database: status, first-run setup, unlock. */
  | 'public'
  /** Needs the unit database open, but nobody signed in (sign-in itself). */
  | 'unlocked'
  /** Any signed-in person. */
  | 'signedIn'
  /** A signed-in person with one of these roles. */
  | readonly Role[];

/**
 * Whether a signed-in person with `role` passes `access`: the one check behind the
 * router, the print channels that decide per register, and the pages that offer only
 * what the person may use.
 */
export function allows(access: Access, role: Role): boolean {
  return typeof access === 'string' || access.includes(role);
}
