import { localDate } from '../../shared/time';
import type { Channel, Input, Output } from '../../shared/contract';
import { amountForInput } from '../../shared/money';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { demoClient } from './casework';
import type { Client } from './clients';
import type { Random } from './random';

type Call = <C extends Channel>(channel: C, input?: Input<C>) => Promise<Output<C>>;

const HOUR = 3_600_000;
const purposes = [
  'Livsmedel',
  'Livsmedel och hygien',
  'Akut nödprövning',
  'Resa till läkare',
  'Barnens kläder',
];

/**
 * Forty cash card payouts across the finished outage: the total passes both warnings, a
 * reconciliation with a refill starts it over, one payout over the limit is confirmed
 * with a reason, and a few are voided.
 */
export async function demoPayouts(
  call: Call,
  setNow: (date: Date) => void,
  random: Random,
  clients: Client[],
  outage: { id: string; startsAt: string },
  hours: number,
): Promise<void> {
  const start = Date.parse(outage.startsAt);
  const paid: RegisterRecord[] = [];
  for (let i = 0; i < 40; i++) {
    const at = new Date(start + ((hours * HOUR) / 40) * (i + 0.5));
    setNow(at);
    if (i === 24) {
      await call('cashCard.reconcile', {
        reconciledOn: localDate(at),
        financeContact: 'Per Ekonom, serviceförvaltningen',
        refill: '75 000',
        balance: '1 250,00',
        note: 'Kontot påfyllt efter telefonavstämning.',
      });
    }
    const client = demoClient(random, clients);
    // Large enough that the first period crosses 60 000 and 70 000 kr, and the last one the limit.
    const ore =
      (i >= 24 ? random.int(3_500, 6_500) : random.int(2_000, 3_400)) * 100 + random.int(0, 2) * 50;
    const account = await call('cashCard.account');
    const over = account.periodTotalOre + ore > account.limitOre;
    const record = await call('payouts.create', {
      outageId: outage.id,
      clientName: client.name,
      personnummer: client.personnummer,
      reserveIdentity: client.reserve,
      transcribedFromPaper: false,
      values: {
        payoutDate: localDate(at),
        verificationNumber: `ICA-${String(1001 + i)}`,
        purpose: random.pick(purposes),
        amount: amountForInput(ore),
        decisionMaker: 'Omar Haddad',
        overLimitReason: over ? 'Akut behov; ekonomienheten gick inte att nå under avbrottet.' : '',
      },
    } as never);
    paid.push(record as RegisterRecord);
  }
  for (const record of paid.slice(25).filter(() => random.chance(0.12))) {
    await call('payouts.void', { id: record.id, reason: 'Felaktigt belopp, ny utbetalning gjord' });
  }
}

/** Three cash custodians (Bilaga 1). */
export async function demoCustodians(call: Call): Promise<void> {
  for (const [name, phone] of [
    ['Lisa Kassa', '08-508 100 01'],
    ['Ahmed Sahin', '08-508 100 02'],
    ['Britt Nord', '070-123 45 67'],
  ] as const) {
    await call('custodians.create', {
      name,
      unitName: 'Enhet Demo',
      phone,
      email: `${name.toLowerCase().replace(' ', '.')}@demo.kommun.se`,
    });
  }
}

/** Ten USB sticks lent during the outage, three still out (Bilaga 2). */
export async function demoUsb(
  call: Call,
  setNow: (date: Date) => void,
  outage: { id: string; startsAt: string },
): Promise<void> {
  const people = [
    ['Karin Berg', 'KB', 'Tensta'],
    ['Lena Ek', 'LE', 'Spånga'],
    ['Johan Lind', 'JL', 'Rinkeby'],
  ] as const;
  const start = Date.parse(outage.startsAt);
  for (let i = 1; i <= 10; i++) {
    const [name, initials, workplace] = people[i % 3]!;
    const issuedAt = new Date(start + i * HOUR);
    setNow(issuedAt);
    const receipt = await call('usbReceipts.issue', {
      stickNumber: `USB ${i}`,
      issuedOn: localDate(issuedAt),
      receiverName: name,
      receiverSignature: initials,
      workplace,
      outageId: outage.id,
    });
    if (i <= 7) {
      const back = new Date(start + (80 + i * 5) * HOUR);
      setNow(back);
      await call('usbReceipts.return', {
        id: receipt.id,
        returnedOn: localDate(back),
        certified: true,
      });
    }
  }
}
