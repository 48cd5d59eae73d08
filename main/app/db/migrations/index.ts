import { InitialSchema } from './0001-initial-schema';
import { Outages } from './0002-outages';
import { Registers } from './0003-registers';
import { Payouts } from './0004-payouts';
import { CustodiansAndUsb } from './0005-custodians-usb';
import { SwedishSearch } from './0006-swedish-search';
import { RecordRules } from './0007-record-rules';
import { PaperReferences } from './0008-paper-references';
import { DevicesAndTransfer } from './0009-devices-and-transfer';
import { AdminTasks } from './0010-admin-tasks';
import { AuditFilters } from './0011-audit-filters';
import { AuditChain } from './0012-audit-chain';

/** Append-only. Never edit a migration that has shipped; add the next number. */
export const migrations = [
  InitialSchema,
  Outages,
  Registers,
  Payouts,
  CustodiansAndUsb,
  SwedishSearch,
  RecordRules,
  PaperReferences,
  DevicesAndTransfer,
  AdminTasks,
  AuditFilters,
  AuditChain,
];
export const knownMigrationNames = new Set(migrations.map((M) => new M().name));
