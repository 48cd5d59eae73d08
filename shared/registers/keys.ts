/**
 * The registers and what can be done with their records. Dependency-free: the preload
 * builds the channel list from these.
 */
export const registerKeys = [
  'decisions',
  'orders',
  'journalNotes',
  'otherDocuments',
  'payouts',
] as const;
export type RegisterKey = (typeof registerKeys)[number];

export const registerMethods = [
  'list',
  'create',
  'update',
  'void',
  'markEntered',
  'markableIds',
  'unmarkEntered',
  'history',
] as const;
export type RegisterMethod = (typeof registerMethods)[number];

/** The registers of case work (everything but the cash card payouts). */
export const caseworkKeys = ['decisions', 'orders', 'journalNotes', 'otherDocuments'] as const;
export type CaseworkKey = (typeof caseworkKeys)[number];
