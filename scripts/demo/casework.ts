import { localDate } from '../../shared/time';
import type { CaseworkKey } from '../../shared/registers';
import { fictitiousClient, type Client } from './clients';
import type { Random } from './random';

const decisionPurposes = [
  'Ekonomiskt bistånd – livsmedel',
  'Ekonomiskt bistånd – hyra',
  'Ekonomiskt bistånd – akut nödprövning',
  'Hemtjänst – inköp och städ',
  'Hemtjänst – personlig omvårdnad',
  'Trygghetslarm',
  'Korttidsvistelse',
  'Kontaktperson enligt LSS',
  'Avlösarservice i hemmet',
];
const providers = [
  'Hemtjänst Norr',
  'Hemtjänst Söder',
  'Attendo Tensta',
  'Vardaga Spånga',
  'Korttidsboendet Linden',
];
const services = [
  'Hemtjänst, inköp',
  'Hemtjänst, dusch',
  'Matdistribution',
  'Korttidsplats',
  'Ledsagning',
];
const decisionMakers = ['Anna Lindqvist', 'Biträdande enhetschef Sofia Nyberg'];

const cameraNotes = [
  'Fysiskt tillsynsbesök kl 22:30 eftersom trygghetskameran inte fungerade under avbrottet. Brukaren sov, inga avvikelser.',
  'Nattlig tillsyn gjord på plats: kameratillsynen låg nere. Brukaren vaken, fick hjälp till toaletten.',
  'Trygghetslarmet kunde inte nå larmcentralen. Besök på plats, brukaren mår bra. Larmet testat igen kl 09:10.',
];
const otherNotes = [
  'Telefonkontakt med dotter angående matleveranser under avbrottet.',
  'Hembesök. Klienten har fått matpengar via ICA-kort, se utbetalningslistan.',
  'Samtal med klienten om ansökan. Underlag lämnat på papper, inlåst i aktskåpet.',
  'Läkemedel givna enligt signeringslista, inga avvikelser.',
  'Utförarrapport mottagen per fax.',
];

/** The values of one invented record, as the register's form would send them. */
export function demoValues(
  key: CaseworkKey,
  random: Random,
  at: Date,
  author: { fullName: string; initials: string },
): Record<string, unknown> {
  const iso = at.toISOString();
  const day = localDate(at);
  switch (key) {
    case 'decisions':
      return {
        purpose: random.pick(decisionPurposes),
        caseWorker: author.fullName,
        decisionMaker: random.pick(decisionMakers),
        decisionDate: day,
      };
    case 'orders': {
      // Called, then sent, then confirmed by the time it is registered: nothing in the future.
      const minutesBefore = (m: number) => new Date(at.getTime() - m * 60_000).toISOString();
      const urgent = random.chance(0.25);
      return {
        provider: random.pick(providers),
        service: random.pick(services),
        urgent,
        providerCalledAt: urgent ? minutesBefore(20) : '',
        sentVia: random.pick(['internpost', 'post', 'fax']),
        sentAt: minutesBefore(10),
        confirmedAt: random.chance(0.7) ? iso : '',
        confirmedBy: random.chance(0.7) ? 'Samordnare, utföraren' : '',
        registeredOn: '',
        activatedOn: '',
      };
    }
    case 'journalNotes': {
      const camera = random.chance(0.25);
      return {
        occurredAt: iso,
        law: camera || random.chance(0.3) ? 'HSL' : random.chance(0.8) ? 'SoL' : 'LSS',
        text: camera ? random.pick(cameraNotes) : random.pick(otherNotes),
        author: author.fullName,
      };
    }
    case 'otherDocuments':
      return {
        documentDate: day,
        documentType: random.pick([
          'utredning',
          'genomforandeplan',
          'uppfoljning',
          'bestallning',
          'annat',
        ]),
        description: '',
        signature: author.initials,
        storage: random.pick(['hFolder', 'usb', 'paper']),
        storageDetail: random.chance(0.5) ? `USB ${random.int(1, 11)}` : '',
      };
  }
}

/** A client for a record: usually someone the unit already has, now and then someone new. */
export function demoClient(random: Random, known: Client[]): Client & { reserve: boolean } {
  if (known.length > 20 && random.chance(0.6)) return { ...random.pick(known), reserve: false };
  if (random.chance(0.02))
    return { name: 'Okänd person, ca 50 år', personnummer: '', reserve: true };
  const client = fictitiousClient(random);
  known.push(client);
  return { ...client, reserve: false };
}
