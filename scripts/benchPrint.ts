// The print part of `npm run bench`: a filled register of 1 000 and of 10 000 decisions,
// built from records in memory (the builder alone: data in, PDF bytes out).
import { buildFilledRegister, type PrintRecord } from '../main/app/print';

const SIZES = [1_000, 10_000] as const;
const REPEAT = 3;

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

export async function benchPrint(): Promise<void> {
  const rows: Record<string, string>[] = [];
  const median: number[] = [];
  for (const size of SIZES) {
    const list = records(size);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REPEAT; i++) {
      const start = performance.now();
      const pdf = await buildFilledRegister({
        unit: 'Enhet Bench',
        printedBy: 'Bench',
        printedAt: '2026-11-25T08:00:00.000Z',
        register: 'decisions',
        records: list,
      });
      times.push(performance.now() - start);
      bytes = pdf.length;
    }
    const m = times.sort((a, b) => a - b)[Math.floor(REPEAT / 2)]!;
    median.push(m);
    rows.push({
      rows: String(size),
      'build (ms)': m.toFixed(0),
      'PDF (KiB)': (bytes / 1024).toFixed(0),
    });
  }
  console.log(`Filled register (Beslut) as PDF, median of ${REPEAT}:`);
  console.table(rows);
  console.log(
    `ratio ${SIZES[1]} / ${SIZES[0]}: ${(median[1]! / median[0]!).toFixed(1)} (linear: 10)`,
  );
}
