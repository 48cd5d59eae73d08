import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backup/handlers';
import type { Handlers } from './handler';
import { custodianHandlers } from './custodians/handlers';
import { outageHandlers } from './outages/handlers';
import { cashCardHandlers } from './payouts/handlers';
import { documentHandlers } from './documents/handlers';
import { progressHandlers } from './progress';
import { setupFromFileHandlers, transferHandlers } from './transfer/handlers';
import { exportHandlers } from './export/handlers';
import { restoreHandlers } from './backup/restoreHandlers';
import { printHandlers } from './print/handlers';
import { caseworkHandlers, registerOverviewHandlers } from './registers/handlers';
import { appHandlers, sessionHandlers } from './session/handlers';
import { referenceHandlers } from './references/handlers';
import { localRoutinesHandlers, unitHandlers } from './unit/handlers';
import { usbReceiptHandlers } from './usbReceipts/handlers';
import { userHandlers } from './users/handlers';

export const handlers: Handlers = {
  ...appHandlers,
  ...sessionHandlers,
  ...unitHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...outageHandlers,
  ...registerOverviewHandlers,
  ...caseworkHandlers,
  ...cashCardHandlers,
  ...custodianHandlers,
  ...usbReceiptHandlers,
  ...referenceHandlers,
  ...localRoutinesHandlers,
  ...printHandlers,
  ...documentHandlers,
  ...progressHandlers,
  ...transferHandlers,
  ...setupFromFileHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...restoreHandlers,
};
