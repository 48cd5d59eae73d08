import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { Channel, Input, Output } from '../../shared/contract';
import type { Outage } from '../../shared/outages';
import { caseworkKeys, type CaseworkKey } from '../../shared/registers';
import type { RegisterRecord } from '../../shared/registers/schemas';
import type { Role } from '../../shared/roles';
import { addDays, localDate, localToInstant, systemClock, type Clock } from '../../shared/time';
import { entryDeadline } from '../../main/app/domain/deadlines';
import { createRouter } from '../../main/app/router';
import { AppState } from '../../main/app/state';
import { demoCustodians, demoPayouts, demoUsb } from './cashCardAndUsb';
import { demoClient, demoValues } from './casework';
import { savingInto, writeDemoPdfs } from './pdfs';
import type { Client } from './clients';
import { seededRandom } from './random';

/** Invented staff for practice (övningsläge); none of them exists. */
const demoPeople: { fullName: string; initials: string; username: string; role: Role }[] = [
  { fullName: 'Anna Lindqvist', initials: 'AL', username: 'anna', role: 'unitManager' },
  { fullName: 'Karin Berg', initials: 'KB', username: 'karin', role: 'caseWorker' },
  { fullName: 'Lena Ek', initials: 'LE', username: 'lena', role: 'caseWorker' },
  { fullName: 'Johan Lind', initials: 'JL', username: 'johan', role: 'caseWorker' },
  { fullName: 'Omar Haddad', initials: 'OH', username: 'omar', role: 'financialAidManager' },
];

/** How many records the finished outage gets per register (the active one gets a few). */
const finishedCounts: Record<CaseworkKey, number> = {
  decisions: 200,
  orders: 80,
  journalNotes: 300,
  otherDocuments: 60,
};

export interface DemoAccount {
  fullName: string;
  username: string;
  role: Role;
  password: string;
}

/** Easy to read aloud in a training session: "övning-4821-ljus". */
function practicePassword(): string {
  const words = ['ljus', 'hav', 'skog', 'sol', 'berg', 'äng', 'sjö', 'vind'];
  return `övning-${randomInt(1000, 10000)}-${words[randomInt(words.length)]}`;
}

const HOUR = 3_600_000;

/**
 * The last day of the demo's finished outage, placed by the working-day calendar rather
 * than a fixed number of days back: late enough that its HSL notes' deadlines (a week)
 * have passed, early enough that the SoL/LSS ones (ten working days) are still to come,
 * whatever weekday or holiday today is.
 */
export function finishedOutageEndDate(today: string): string {
  for (let back = 8; back < 60; back++) {
    const end = addDays(today, -back);
    if (entryDeadline('HSL', end) < today && entryDeadline('SoL', end) > today) return end;
  }
  throw new Error(`no end date gives both passed and coming deadlines before ${today}`);
}

/**
 * Creates DIR/demo.db through the real router, exactly as the app would, with a clock
 * that walks through the outages: the unit "Enhet Demo", one account per role (three
 * handläggare), a finished three-day level II outage with its registers, some records
 * voided, entered or overdue, and an outage going on now. DIR/pdf/ gets every blank
 * template and every register of the finished outage as printed.
 */
export async function createDemo(
  outDir: string,
  passphrase: string,
  clock: Clock = systemClock,
): Promise<DemoAccount[]> {
  const realNow = clock().getTime();
  let now = new Date(realNow);
  const state = new AppState({
    dbPath: join(outDir, 'demo.db'),
    clock: () => now,
    // Headless: "Spara som PDF…" answers with DIR/pdf/ and the file name offered.
    desktop: savingInto(join(outDir, 'pdf')),
  });
  const router = createRouter(state);
  const call = async <C extends Channel>(channel: C, input?: Input<C>): Promise<Output<C>> => {
    const result = await router.handle(channel, input);
    if (!result.ok) {
      const details = result.error.fields ? ` ${JSON.stringify(result.error.fields)}` : '';
      throw new Error(`${channel}: ${result.error.message}${details}`);
    }
    return result.value as Output<C>;
  };
  const accounts = demoPeople.map((person) => ({ ...person, password: practicePassword() }));
  const [manager, ...others] = accounts;
  const signIn = async (username: string) => {
    await call('session.signOut').catch(() => undefined);
    const account = accounts.find((a) => a.username === username)!;
    await call('session.signIn', { username, password: account.password });
    // The clock jumps by hours here; the demo is not a person going idle.
    state.session.autoLockMinutes = 60 * 24 * 365;
  };

  try {
    const finishedEndDate = finishedOutageEndDate(localDate(realNow));
    const finishedStart = new Date(localToInstant(`${addDays(finishedEndDate, -3)}T07:40`)!);
    const finishedEnd = new Date(finishedStart.getTime() + 74 * HOUR);
    now = new Date(finishedStart.getTime() - 30 * 24 * HOUR);
    const userIds = new Map<string, string>();
    const setup = await call('unit.setup', {
      unitName: 'Enhet Demo',
      department: 'Socialförvaltningen',
      passphrase,
      passphraseConfirm: passphrase,
      manager: { ...manager!, passwordConfirm: manager!.password },
    });
    userIds.set(manager!.username, setup.user!.id);
    state.session.autoLockMinutes = 60 * 24 * 365;
    for (const person of others) {
      const user = await call('users.create', { ...person, passwordConfirm: person.password });
      userIds.set(person.username, user.id);
    }

    const random = seededRandom(20261122);
    const clients: Client[] = [];
    const caseWorkers = accounts.filter((a) => a.role === 'caseWorker');

    // Before any outage the enhetschef prints blank journal sheets for the binder, as the
    // print page does: each carries a reference (ED000001, …) to transcribe it by later.
    const { documentId } = await call('print.blankTemplate', { key: 'journalSheet', pages: 20 });
    await call('documents.print', { documentId });
    const sheets = (await call('references.listUnused', { outageId: null })).rows
      .map((row) => row.reference)
      .sort();

    now = finishedStart;
    const finished = await call('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet', 'Stadens nätverk'],
      note: 'Ingen åtkomst till sociala system eller nätverk. Reservrutin enligt kontinuitetsplanen.',
    });
    const created = await fillOutage(finished, finishedStart, finishedEnd, finishedCounts);
    now = finishedEnd;
    // Ending it sets the journal deadlines: the enhetschef's to do.
    await signIn(manager!.username);
    await call('outages.end', {
      id: finished.id,
      note: 'Paraplyet och nätverket åter i drift enligt IT-supporten.',
    });

    // Afterwards: paper forms from the outage are transcribed, much is entered in the
    // social system, some voided, some still left.
    for (const worker of caseWorkers) {
      await signIn(worker.username);
      for (let i = 0; i < 5; i++) {
        now = new Date(finishedEnd.getTime() + (20 + i) * HOUR);
        const client = demoClient(random, clients);
        const written = new Date(finishedStart.getTime() + (30 + i * 6) * HOUR);
        await call('journalNotes.create', {
          outageId: finished.id,
          clientName: client.name,
          personnummer: client.personnummer,
          reserveIdentity: client.reserve,
          transcribedFromPaper: true,
          // Most sheets are the binder's, with a reference; an old one without.
          ...(i < 4 ? { paperReference: sheets.shift()! } : { paperReferenceMissing: true }),
          values: demoValues('journalNotes', random, written, worker),
        } as never);
      }
      for (const key of caseworkKeys) {
        const mine = created[key].filter((r) => r.createdById === userIds.get(worker.username));
        const entered = mine.filter(() => random.chance(0.55));
        for (const record of mine.filter(() => random.chance(0.03))) {
          now = new Date(finishedEnd.getTime() + 20 * HOUR);
          await call(`${key}.void`, { id: record.id, reason: 'Registrerad två gånger' });
          entered.splice(entered.indexOf(record), 1);
        }
        now = new Date(finishedEnd.getTime() + 3 * 24 * HOUR);
        const ids = entered.filter((r) => !r.voidedAt).map((r) => r.id);
        if (ids.length) {
          await call(`${key}.markEntered`, { ids, enteredOn: localDate(now) });
        }
      }
    }

    // The cash card during the finished outage, and the enhetschef's USB sticks.
    await signIn('omar');
    await demoPayouts(call, (date) => (now = date), random, clients, finished, 70);
    await demoCustodians(call);
    await signIn(manager!.username);
    await demoUsb(call, (date) => (now = date), finished);

    const activeStart = new Date(realNow - 3 * HOUR);
    now = activeStart;
    await signIn(manager!.username);
    const active = await call('outages.start', {
      level: 'I',
      affectedSystems: ['Lifecare'],
      note: 'Nätverket fungerar men verksamhetssystemet svarar inte.',
    });
    await fillOutage(active, activeStart, new Date(realNow - 5 * 60_000), {
      decisions: 8,
      orders: 4,
      journalNotes: 15,
      otherDocuments: 3,
    });

    // The binder's blank templates and the finished outage's registers as PDF files.
    await signIn(manager!.username);
    await writeDemoPdfs(call, finished.id);
    await call('session.signOut');

    /** Spreads `counts` records over the case workers and the outage's hours. */
    async function fillOutage(
      outage: Outage,
      from: Date,
      to: Date,
      counts: Record<CaseworkKey, number>,
    ): Promise<Record<CaseworkKey, RegisterRecord[]>> {
      const result = { decisions: [], orders: [], journalNotes: [], otherDocuments: [] } as Record<
        CaseworkKey,
        RegisterRecord[]
      >;
      for (const worker of caseWorkers) {
        now = from;
        await signIn(worker.username);
        for (const key of caseworkKeys) {
          const count = Math.round(counts[key] / caseWorkers.length);
          for (let i = 0; i < count; i++) {
            now = new Date(from.getTime() + ((to.getTime() - from.getTime()) * (i + 0.5)) / count);
            const client = demoClient(random, clients);
            const record = await call(`${key}.create`, {
              outageId: outage.id,
              clientName: client.name,
              personnummer: client.personnummer,
              reserveIdentity: client.reserve,
              transcribedFromPaper: false,
              values: demoValues(key, random, now, worker),
            } as never);
            result[key].push(record as RegisterRecord);
          }
        }
      }
      return result;
    }
  } finally {
    await state.close();
  }
  return accounts.map(({ fullName, username, role, password }) => ({
    fullName,
    username,
    role,
    password,
  }));
}
