/**
 * Child process for test/integration/nothingInPlainText.test.ts: does, through the real
 * router, what puts the demo's people on disk, so the parent can search every file it
 * wrote. Started with TMPDIR pointed at a folder of the parent's, so temporary files of
 * the app and its libraries land where they can be searched too.
 *
 * In WORK: office/ (the demo database, and the demo's own PDFs in office/pdf/), laptop/
 * (a laptop set up from the office), saved/ (what the save dialogs answered: the setup
 * file, the transfer file, an Excel export and a PDF), office/Säkerhetskopior/ (a backup).
 *
 * Prints `NEEDLES <json>` (the demo's names and personnummer, read from its database),
 * `FILES <json>` (what each step wrote), then `OPEN` with both databases still open; on a
 * line on stdin it closes them and prints `CLOSED`.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Channel, Input, Output } from '../../shared/contract';
import type { Outage } from '../../shared/outages';
import { localToInstant } from '../../shared/time';
import { connectionOf } from '../../main/app/db/open';
import { createRouter } from '../../main/app/router';
import { AppState } from '../../main/app/state';
import { createDemo } from '../../scripts/demo/createDemo';
import { recordingDesktop } from './desktop';

const work = process.argv[2]!;
const passphrase = process.argv[3]!;
const start = Date.parse(localToInstant('2026-11-23T10:00')!);
const startedAt = performance.now();
const clock = () => new Date(start + (performance.now() - startedAt));
const say = (line: string) => process.stdout.write(`${line}\n`);

function app(dbPath: string) {
  const desktop = recordingDesktop(join(work, 'saved'));
  const state = new AppState({ dbPath, clock, desktop: desktop.ports });
  const router = createRouter(state);
  const call = async <C extends Channel>(channel: C, input?: Input<C>): Promise<Output<C>> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as Output<C>;
  };
  return { state, desktop, call };
}

mkdirSync(join(work, 'office'), { recursive: true });
const accounts = await createDemo(join(work, 'office'), passphrase, clock);
const [manager, caseWorker] = accounts as [(typeof accounts)[0], (typeof accounts)[0]];

const office = app(join(work, 'office', 'demo.db'));
await office.call('unit.unlock', { passphrase });
await office.call('session.signIn', { username: manager.username, password: manager.password });
office.state.session.autoLockMinutes = 60 * 24;

// The demo's clients as its database holds them, and its staff.
const db = connectionOf(office.state.db());
const clients = db
  .prepare(
    `SELECT client_name AS name, personnummer FROM decisions
     UNION SELECT client_name, personnummer FROM orders
     UNION SELECT client_name, personnummer FROM journal_notes
     UNION SELECT client_name, personnummer FROM other_documents
     UNION SELECT client_name, personnummer FROM payouts`,
  )
  .all() as { name: string; personnummer: string | null }[];
say(`NEEDLES ${JSON.stringify({ clients, staff: accounts.map((a) => a.fullName) })}`);

// What a person chooses to write: the registers as Excel, a register as PDF.
const workbook = await office.call('export.registerWorkbook', {});
const outages = (await office.call('outages.list')) as Outage[];
const finished = outages.find((o) => o.status === 'ended')!;
const printed = await office.call('print.register', {
  register: 'decisions',
  filter: { outageId: finished.id },
} as never);
await office.call('documents.save', { documentId: printed.documentId });
const pdf = join(office.desktop.saveDir, printed.fileName);

// A laptop set up from the office, a handläggare recording the demo's clients on it,
// its transfer file read in at the office.
const setup = await office.call('transfer.writeSetupFile', { laptopName: 'Bärbar 1' });
const laptop = app(join(work, 'laptop', 'laptop.db'));
mkdirSync(join(work, 'laptop'), { recursive: true });
laptop.desktop.nextOpen = setup.savedAs;
const chosen = await laptop.call('setupFile.choose', { passphrase });
await laptop.call('setupFile.install', { fileToken: chosen!.fileToken, passphrase });
await laptop.call('session.signIn', {
  username: caseWorker.username,
  password: caseWorker.password,
});
laptop.state.session.autoLockMinutes = 60 * 24;
// The laptop took the demo's outage going on with it from the setup file.
const outage = (await laptop.call('app.status')).activeOutage!;
for (const client of clients.filter((c) => c.personnummer !== null).slice(0, 5)) {
  await laptop.call('decisions.create', {
    outageId: outage.id,
    clientName: client.name,
    personnummer: client.personnummer,
    reserveIdentity: false,
    transcribedFromPaper: false,
    values: {
      purpose: 'Ekonomiskt bistånd, livsmedel',
      caseWorker: caseWorker.fullName,
      decisionMaker: manager.fullName,
      decisionDate: '2026-11-23',
    },
  } as never);
}
const transfer = await laptop.call('transfer.writeTransferFile', { outageId: outage.id });
office.desktop.nextOpen = transfer.savedAs;
const file = await office.call('transfer.chooseImport', { passphrase });
await office.call('transfer.import', { fileToken: file!.fileToken, passphrase });

// A backup of the office database, asked for by the enhetschef: into the default folder
// beside the database, as the backup module makes it.
const backupStatus = await office.call('backup.now');
const backup = { path: join(backupStatus.settings.folder, backupStatus.lastBackup!.fileName) };

say(
  `FILES ${JSON.stringify({
    workbook: workbook.savedAs,
    pdf,
    setup: setup.savedAs,
    transfer: transfer.savedAs,
    backup: backup.path,
    office: office.state.dbPath,
    laptop: laptop.state.dbPath,
    tmpdir: tmpdir(),
  })}`,
);
say('OPEN');
for await (const line of createInterface({ input: process.stdin })) {
  void line;
  break;
}
await laptop.state.close();
await office.state.close();
say('CLOSED');
