/**
 * The names of every IPC channel, free of dependencies so the sandboxed preload stays
 * a few kilobytes. shared/contract.ts must define exactly these (the compiler checks).
 */
export const channelNames = [
  'app.status',
  'unit.setup',
  'unit.unlock',
  'unit.changePassphrase',
  'unit.updateSettings',
  'session.signIn',
  'session.signOut',
  'session.touch',
  'users.list',
  'users.create',
  'users.update',
  'users.setActive',
  'users.resetPassword',
  'audit.list',
  'outages.list',
  'outages.upcoming',
  'outages.start',
  'outages.plan',
  'outages.end',
  'outages.recordAnalysis',
] as const;

export type Channel = (typeof channelNames)[number];
