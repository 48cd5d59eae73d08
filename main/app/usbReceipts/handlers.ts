import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { issueUsb, listUsbReceipts, returnUsb } from './usbService';

export const usbReceiptHandlers: HandlersOf<'usbReceipts'> = {
  'usbReceipts.list': (filter, { state, now }) => listUsbReceipts(state.db(), filter, now),
  'usbReceipts.issue': (input, context) =>
    issueUsb(context.state.db(), requireActor(context), input, context.now),
  'usbReceipts.return': ({ id, returnedOn }, context) =>
    returnUsb(context.state.db(), requireActor(context), id, returnedOn, context.now),
};
