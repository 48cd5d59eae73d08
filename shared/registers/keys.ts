/**
 * The registers and what can be done with their records. Dependency-free: the preload
 * builds the channel list from these.
 */
export const registerKeys = ['decisions', 'orders', 'journalNotes', 'otherDocuments'] as const;
export type RegisterKey = (typeof registerKeys)[number];

export const registerMethods = [
  'list',
  'create',
  'update',
  'void',
  'markEntered',
  'unmarkEntered',
] as const;
export type RegisterMethod = (typeof registerMethods)[number];
