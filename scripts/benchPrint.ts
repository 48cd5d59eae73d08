// The print line of `npm run bench`: a filled register of 1 000 and of 10 000 decisions,
// built from records in memory (the builder alone: data in, PDF bytes out).
import { buildFilledRegister, type PrintRecord } from '../main/app/print';
import { benchLine, interleavedRatio, timed, type BenchLine } from './bench/lines';

const SIZES = [1_000, 10_000] as const;
const ROUNDS = 3;

function records(count: number): PrintRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    outageId: 'o',
    clientName: `Zoltán Kővári-Öberg ${i + 1}`,
    personnummer: '191212121212',
    reserveIdentity: false,
    values: {
      purpose: 'Ekonomiskt bistånd till livsmedel och hyra under avbrottet',
      caseWorker: 'Kalle Handläggare',
      decisionMaker: 'Maja Enhetschef',
      decisionDate: '2026-11-23',
    },
    createdById: 'u',
    createdByName: 'Kalle Handläggare',
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    transcribedFromPaper: false,
    transcribedByName: null,
    voidedAt: i % 50 === 0 ? '2026-11-23T10:00:00.000Z' : null,
    voidedByName: null,
    voidReason: i % 50 === 0 ? 'Fel person' : null,
    enteredOn: i % 3 === 0 ? '2026-11-24' : null,
    enteredByName: null,
    enteredByInitials: i % 3 === 0 ? 'KH' : null,
    deadline: null,
    deadlineStatus: null,
    changedAfterEntry: null,
    paperReference: i % 4 === 0 ? `SOD${String(i).padStart(6, '0')}` : null,
  }));
}

/** Milliseconds to build the filled register of these records. */
const build = (list: PrintRecord[]) =>
  timed(() =>
    buildFilledRegister({
      unit: 'Enhet Bench',
      printedBy: 'Bench',
      printedAt: '2026-11-25T08:00:00.000Z',
      register: 'decisions',
      records: list,
    }),
  );

/**
 * The filled register of 10 000 decisions against that of 1 000, alternated ROUNDS times:
 * the ratio of the medians (linear growth is 10; the issue allows 12).
 */
export async function printRatio(): Promise<BenchLine> {
  const [small, large] = [records(SIZES[0]), records(SIZES[1])];
  await build(small);
  const { ratio } = await interleavedRatio(
    ROUNDS,
    () => build(large),
    () => build(small),
  );
  return benchLine('PDF filled register: 10 000 rows / 1 000 rows', ratio, 'ratio', 12);
}
