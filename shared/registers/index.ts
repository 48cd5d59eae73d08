import { decisions } from './decisions';
import { journalNotes } from './journalNotes';
import type { RegisterKey } from './keys';
import { orders } from './orders';
import { otherDocuments } from './otherDocuments';
import { payouts } from './payouts';
import type { RegisterDefinition } from './types';

export const registers: Record<RegisterKey, RegisterDefinition> = {
  decisions,
  orders,
  journalNotes,
  otherDocuments,
  payouts,
};

export * from './keys';
export * from './types';
