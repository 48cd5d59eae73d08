import type { RegisterKey } from '../../shared/registers';

/** A valid new record for each register, as a form would send it. */
export function sampleInput(key: RegisterKey, overrides: Record<string, unknown> = {}) {
  const values: Record<RegisterKey, Record<string, unknown>> = {
    payouts: {
      payoutDate: '2026-11-23',
      verificationNumber: 'V-1001',
      purpose: 'Livsmedel',
      amount: '1 500,00',
      decisionMaker: 'Ebba Ekonomi',
      overLimitReason: '',
    },
    decisions: {
      purpose: 'Ekonomiskt bistånd, livsmedel',
      caseWorker: 'Kalle Handläggare',
      decisionMaker: 'Maja Enhetschef',
      decisionDate: '2026-11-23',
    },
    orders: {
      provider: 'Hemtjänst Norr',
      service: 'Hemtjänst, inköp',
      urgent: false,
      providerCalledAt: '',
      sentVia: 'fax',
      sentAt: '2026-11-23T08:30:00.000Z',
      confirmedAt: '',
      confirmedBy: '',
      registeredOn: '',
      activatedOn: '',
    },
    journalNotes: {
      occurredAt: '2026-11-23T08:15:00.000Z',
      law: 'HSL',
      text: 'Fysiskt tillsynsbesök: kameran fungerade inte under avbrottet.',
      author: 'Kalle Handläggare',
    },
    otherDocuments: {
      documentDate: '2026-11-23',
      documentType: 'utredning',
      description: '',
      signature: 'KH',
      storage: 'usb',
      storageDetail: 'USB 7',
    },
  };
  return {
    clientName: 'Tolvan Tolvansson',
    personnummer: '19121212-1212',
    reserveIdentity: false,
    transcribedFromPaper: false,
    values: values[key],
    ...overrides,
  };
}

/** Zoltán's payout of 1 500 kr, as Ebba records it (the Händelselogg's tests). */
export const zoltansPayout = () =>
  sampleInput('payouts', { clientName: 'Zoltán Kővári', personnummer: '20050607-1232' });

/** The same payout corrected: 1 750,50 kr, for food and hygiene. */
export function correctedPayout(id: string) {
  const payout = zoltansPayout();
  return {
    id,
    input: {
      ...payout,
      values: { ...payout.values, amount: '1 750,50', purpose: 'Livsmedel och hygien' },
    },
  };
}

/** The sample decision (sampleInput) with its purpose changed: "Beslut ändrat" in the log. */
export function decisionWithPurpose(id: string, purpose: string) {
  const decision = sampleInput('decisions');
  return { id, input: { ...decision, values: { ...decision.values, purpose } } };
}
