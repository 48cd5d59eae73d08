import { decisionMakerField } from './sharedFields';
import type { RegisterDefinition } from './types';

/**
 * Bilaga 5: "Utförda utbetalningar via ICA-kort". The running total is everything paid
 * since the last reconciliation with the finance office (see main/app/payouts).
 */
export const payouts: RegisterDefinition = {
  key: 'payouts',
  title: 'Utbetalningar',
  singular: 'utbetalning',
  newTitle: 'Ny utbetalning',
  formTitle: 'Utförda utbetalningar via kontantkort',
  hasDeadline: false,
  dateField: 'payoutDate',
  blankForm: {
    appendix: 5,
    title: 'Utförda utbetalningar via {cardProvider}-kort',
    columns: [
      'payoutDate',
      'clientIdentity',
      'verificationNumber',
      'purpose',
      'amount',
      'decisionMaker',
      'runningTotal',
    ],
  },
  access: { read: ['financialAidManager', 'unitManager'], write: ['financialAidManager'] },
  fields: [
    {
      key: 'payoutDate',
      label: 'Datum',
      kind: 'date',
      required: true,
      inList: true,
      defaultFrom: 'today',
    },
    {
      key: 'verificationNumber',
      label: 'Verifikationsnummer',
      kind: 'text',
      required: true,
      maxLength: 40,
      unique: true,
      inList: true,
    },
    {
      key: 'purpose',
      label: 'Ändamål',
      kind: 'text',
      required: true,
      maxLength: 200,
      inList: true,
    },
    {
      key: 'amount',
      label: 'Belopp till klient',
      kind: 'amount',
      required: true,
      inList: true,
      hint: 'Kronor och öre, t.ex. 1 234,50',
    },
    // In the payout in full and on paper; the list on screen keeps its room for the amounts.
    { ...decisionMakerField, inList: false },
    {
      key: 'runningTotal',
      label: 'Totalt utbetalt från {cardProvider}-kontot',
      kind: 'amount',
      computed: true,
      // On screen the account's total stands above the list; paper and Excel have the column.
      inList: false,
    },
    {
      key: 'overLimitReason',
      label: 'Skäl att betala ut över gränsen',
      kind: 'longText',
      maxLength: 1000,
      onlyWhenAsked: true,
    },
  ],
};
