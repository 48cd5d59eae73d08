/**
 * Child process for the crash rounds (test/integration/crashRounds.test.ts): opens the unit
 * database an earlier round (or the set-up) left, and then saves, checkpoints and backs up
 * through the real router until the parent kills it with SIGKILL. One line on stdout per
 * event, written before the next step starts (stdout to a pipe is synchronous on Linux):
 *
 *   READY                       unlocked and signed in
 *   TRY <json>                  a save is about to be sent to the router
 *   ACK <json>                  the router answered ok: the save must survive any kill
 *   PHASE checkpoint|backup     an explicit checkpoint or a backup starts
 *   DONE checkpoint|backup      … and has finished
 *   BACKUP <path>               the backup module reported this backup as made: copied,
 *                               checked, named, and the folder rotated
 *
 * Argument: the database folder, the round's seed and the round number.
 *
 * Not built on test/support/app.ts, which imports vitest: the parent starts this file once a
 * round, so it is bundled and loads only what the app itself loads.
 */
import { join } from 'node:path';
import type { Channel, Input, Output } from '../../shared/contract';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { backupNow } from '../../main/app/backup/backupService';
import { connectionOf } from '../../main/app/db/open';
import { createRouter } from '../../main/app/router';
import { AppState } from '../../main/app/state';
import { localToInstant } from '../../shared/time';
import { seededRandom } from '../../scripts/demo/random';
import { changedPurpose, CRASH, type Ack, type Try } from './crashRounds';

const [dir, seedText, roundText] = process.argv.slice(2);
const random = seededRandom(Number(seedText));
const round = Number(roundText);

// The app's clock, not the real one: office time on the set-up's Monday, running on.
const start = Date.parse(localToInstant('2026-11-23T10:00')!);
const startedAt = performance.now();
const state = new AppState({
  dbPath: join(dir!, CRASH.fileName),
  // A minute later each round, so backups (named by the clock) never share a name.
  clock: () => new Date(start + round * 60_000 + (performance.now() - startedAt)),
});
const router = createRouter(state, {
  onInternalError: (channel, error) => {
    process.stderr.write(`internal error in ${channel}: ${String(error)}\n`);
    process.exit(3);
  },
});

const say = (line: string) => process.stdout.write(`${line}\n`);

async function ok<C extends Channel>(channel: C, input?: Input<C>): Promise<unknown> {
  const result = await router.handle(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** TRY, the save through the router, ACK only once the router said ok. */
async function save(attempt: Try, send: () => Promise<unknown>): Promise<unknown> {
  say(`TRY ${JSON.stringify(attempt)}`);
  const value = await send();
  const ack: Ack = { ...attempt, saved: value };
  say(`ACK ${JSON.stringify(ack)}`);
  return value;
}

let signedIn: 'maja' | 'ebba' | null = null;
async function as(username: 'maja' | 'ebba'): Promise<void> {
  if (signedIn === username) return;
  if (signedIn) await ok('session.signOut');
  await ok('session.signIn', { username, password: CRASH.passwords[username] });
  signedIn = username;
}

await ok('unit.unlock', { passphrase: CRASH.passphrase });
await as('maja');
say('READY');

const mine: RegisterRecord[] = [];
let sinceCheckpoint = 0;
let sinceBackup = 0;
// Signing in costs a password hash (tens of ms), so one person works for a while.
let person: 'maja' | 'ebba' = 'maja';
for (let i = 0; ; i++) {
  const tag = `${round}-${i}`;
  if (random.chance(0.08) && sinceCheckpoint >= 5) {
    sinceCheckpoint = 0;
    say('PHASE checkpoint');
    // What a checkpoint at the wrong moment would break: the WAL copied back into the
    // database file and truncated, under the cipher.
    connectionOf(state.db()).pragma('wal_checkpoint(TRUNCATE)');
    say('DONE checkpoint');
    continue;
  }
  if (random.chance(0.08) && sinceBackup >= 5) {
    sinceBackup = 0;
    say('PHASE backup');
    // As the app makes them, into its folder (the default beside the database), checked,
    // named, the oldest beyond the number to keep removed: half asked for through the
    // router (audited), half as the schedule makes them.
    say(`BACKUP ${random.chance(0.5) ? await backupThroughRouter() : await scheduledBackup()}`);
    say('DONE backup');
    continue;
  }
  sinceBackup++;
  sinceCheckpoint++;
  if (random.chance(0.06)) person = person === 'maja' ? 'ebba' : 'maja';
  await as(person);
  const roll = random.next();
  if (person === 'ebba') {
    await save({ kind: 'payout', tag }, () => ok('payouts.create', payout(tag) as never));
  } else if (roll < 0.3 && mine.length > 0) {
    const record = random.pick(mine);
    const input = decision(tag, changedPurpose(tag));
    const updated = (await save({ kind: 'decision', tag, id: record.id }, () =>
      ok('decisions.update', { id: record.id, input } as never),
    )) as RegisterRecord;
    mine[mine.indexOf(record)] = updated;
  } else if (roll < 0.35) {
    await save({ kind: 'user', tag }, () =>
      ok('users.create', {
        fullName: `Vikarie ${tag}`,
        // Unique, as the unit requires: "V" and the round and step in base 36.
        initials: `V${(round * 10_000 + i).toString(36).toUpperCase()}`,
        username: `vikarie-${tag}`,
        role: 'caseWorker',
        password: 'vikarie-lösen-1',
        passwordConfirm: 'vikarie-lösen-1',
      }),
    );
  } else {
    const record = (await save({ kind: 'decision', tag }, () =>
      ok('decisions.create', decision(tag) as never),
    )) as RegisterRecord;
    mine.push(record);
  }
}

async function backupThroughRouter(): Promise<string> {
  const status = (await ok('backup.now')) as Output<'backup.now'>;
  return join(status.settings.folder, status.lastBackup!.fileName);
}

async function scheduledBackup(): Promise<string> {
  const outcome = await backupNow(state, 'scheduled');
  if (outcome.kind !== 'made') throw new Error(`scheduled backup: ${JSON.stringify(outcome)}`);
  return outcome.file.path;
}

function payout(tag: string) {
  return {
    clientName: `Klient Utbetalning ${tag}`,
    personnummer: '20050607-1232',
    reserveIdentity: false,
    transcribedFromPaper: false,
    values: {
      payoutDate: '2026-11-23',
      verificationNumber: `V-${tag}`,
      purpose: 'Livsmedel',
      amount: `${random.int(1, 2000)},${String(random.int(0, 100)).padStart(2, '0')}`,
      decisionMaker: 'Ebba Ekonomi',
      // The running total passes the unit's limit after a few rounds.
      overLimitReason: 'Avstämning med ekonomienheten efter avbrottet.',
    },
  };
}

function decision(tag: string, purpose = `Ekonomiskt bistånd ${tag}`) {
  return {
    clientName: `Klient Beslut ${tag}`,
    personnummer: '19121212-1212',
    reserveIdentity: false,
    transcribedFromPaper: false,
    values: {
      purpose,
      caseWorker: 'Kalle Handläggare',
      decisionMaker: 'Maja Enhetschef',
      decisionDate: '2026-11-23',
    },
  };
}
