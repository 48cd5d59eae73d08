/**
 * The names of every IPC channel, free of dependencies so the sandboxed preload stays
 * a few kilobytes. shared/contract.ts must define exactly these (the compiler checks).
 */
import {
  registerKeys,
  registerMethods,
  type RegisterKey,
  type RegisterMethod,
} from './registers/keys';

const baseChannels = [
  'app.status',
  'unit.setup',
  'unit.unlock',
  'unit.changePassphrase',
  'unit.updateSettings',
  'unit.updateReferencePrefix',
  'session.signIn',
  'session.signOut',
  'session.touch',
  'session.changePassword',
  'users.list',
  'users.create',
  'users.update',
  'users.setActive',
  'users.resetPassword',
  'users.directory',
  'audit.list',
  'audit.print',
  'audit.export',
  'audit.verify',
  'outages.list',
  'outages.upcoming',
  'outages.start',
  'outages.plan',
  'outages.end',
  'outages.recordAnalysis',
  'registers.summary',
  'clients.knownNames',
  'cashCard.account',
  'cashCard.reconciliations',
  'cashCard.reconcile',
  'cashCard.updateSettings',
  'custodians.list',
  'custodians.create',
  'custodians.update',
  'usbReceipts.list',
  'usbReceipts.issue',
  'usbReceipts.return',
  'references.listUnused',
  'references.countUnused',
  'references.writeOff',
  'localRoutines.get',
  'localRoutines.update',
  'print.blankTemplate',
  'print.register',
  'print.outage',
  'transfer.writeSetupFile',
  'transfer.writeTransferFile',
  'transfer.chooseImport',
  'transfer.import',
  'setupFile.choose',
  'setupFile.install',
  'progress.current',
  'documents.print',
  'documents.save',
  'print.custodians',
  'print.usbReceipts',
  'export.registerWorkbook',
  'export.entryWorklist',
  'outages.overview',
  'custodians.remove',
  'unit.updateDetails',
] as const;

/** Every register has the same channels: "decisions.list", "orders.void", … */
export type RegisterChannel = `${RegisterKey}.${RegisterMethod}`;
export type Channel = (typeof baseChannels)[number] | RegisterChannel;

export const channelNames: readonly Channel[] = [
  ...baseChannels,
  ...registerKeys.flatMap((key) =>
    registerMethods.map((method): RegisterChannel => `${key}.${method}`),
  ),
];
