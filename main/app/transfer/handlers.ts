import { AppError } from '../../../shared/result';
import { localDate } from '../../../shared/time';
import { asciiFileName } from '../../../shared/printing';
import { recordAudit } from '../audit/auditLog';
import { askSavePath, dialogFailed } from '../desktop';
import type { HandlersOf } from '../handler';
import type { DeviceKind } from '../../../shared/devices';
import { getThisDevice } from '../devices/deviceService';
import { requireActor, type AppState, type HandlerContext } from '../state';
import { buildStatus } from '../status';
import { unitPassphraseAttempt } from '../unit/unitService';
import { importTransferFile, inspectTransferFile } from './importTransferFile';
import { inspectSetupFile, setUpFromSetupFile } from './setUpFromFile';
import { writeSetupFile } from './writeSetupFile';
import { writeTransferFile } from './writeTransferFile';

/*
 * Setup and transfer files through the system's dialogs: main asks where to save and
 * which file to read, so the renderer never names a path. Typing the unit passphrase to
 * read a file counts with the unlock attempts: the same secret, the same wait.
 */

async function openPath(
  state: AppState,
  request: { title: string; fileType: 'setup' | 'transfer' },
): Promise<string | null> {
  return state.desktop.chooseOpenPath(request).catch(() => {
    throw dialogFailed('Det gick inte att öppna dialogen för att välja fil.');
  });
}

/** A passphrase attempt on a file, counted and audited like an unlock. */
function withPassphrase<T>(context: HandlerContext, attempt: () => Promise<T> | T): Promise<T> {
  return unitPassphraseAttempt(
    context.state,
    { actor: context.actor, entity: 'transfer', entityId: null },
    { failed: 'transfer.passphraseFailed', throttled: 'transfer.passphraseThrottled' },
    attempt,
  );
}

/**
 * Laptops write transfer files; the office PC reads them in. Refused before any dialog
 * opens on the other kind of computer (the screens show neither there).
 */
async function onlyOn(context: HandlerContext, kind: DeviceKind): Promise<void> {
  if ((await getThisDevice(context.state.db())).kind === kind) return;
  throw new AppError(
    'CONFLICT',
    kind === 'laptop'
      ? 'Överföringsfiler skapas på bärbara datorer och läses in på enhetens kontorsdator.'
      : 'Överföringsfiler läses in på enhetens kontorsdator.',
  );
}

export const transferHandlers: HandlersOf<'transfer'> = {
  async 'transfer.writeSetupFile'({ laptopName }, context) {
    const actor = requireActor(context);
    const path = await askSavePath(context.state.desktop, {
      suggestedName: asciiFileName(
        `Installationsfil ${laptopName ?? 'barbar dator'}`,
        localDate(context.now),
        'reservparm-installation',
      ),
      title: 'Spara installationsfil för bärbar dator',
      fileType: 'setup',
    });
    if (path === null) return { savedAs: null, info: null };
    const info = await writeSetupFile(
      context.state.db(),
      { actor, now: context.now, ...(laptopName ? { deviceName: laptopName } : {}) },
      path,
    );
    return { savedAs: path, info };
  },

  async 'transfer.writeTransferFile'({ outageId }, context) {
    const actor = requireActor(context);
    await onlyOn(context, 'laptop');
    const path = await askSavePath(context.state.desktop, {
      suggestedName: asciiFileName('Overforing', localDate(context.now), 'reservparm-overforing'),
      title: 'Spara överföringsfil',
      fileType: 'transfer',
    });
    if (path === null) return { savedAs: null, info: null };
    const info = await writeTransferFile(
      context.state.db(),
      { actor, now: context.now, outageId },
      path,
    );
    return { savedAs: path, info };
  },

  async 'transfer.chooseImport'({ passphrase }, context) {
    return auditRefusal(context, () => chooseImport(passphrase, context));
  },

  async 'transfer.import'({ fileToken, passphrase }, context) {
    return auditRefusal(context, () => importChosen(fileToken, passphrase, context));
  },
};

async function chooseImport(passphrase: string, context: HandlerContext) {
  const actor = requireActor(context);
  const { state } = context;
  await onlyOn(context, 'office');
  const path = await openPath(state, { title: 'Välj överföringsfil', fileType: 'transfer' });
  if (path === null) return null;
  const info = await withPassphrase(context, () =>
    inspectTransferFile(state.db(), path, passphrase),
  );
  return { fileToken: state.chosenFiles.choose('transfer', path, actor.id), info };
}

async function importChosen(fileToken: string, passphrase: string, context: HandlerContext) {
  const actor = requireActor(context);
  const { state, now } = context;
  const path = state.chosenFiles.path(fileToken, 'transfer', actor.id);
  const summary = await withPassphrase(context, () =>
    state.progress.run('Läser in överföringsfilen', (report) =>
      importTransferFile(state.db(), { actor, now }, path, passphrase, report),
    ),
  );
  state.chosenFiles.forget(fileToken);
  return summary;
}

/** Codes of a file refused as it is: kept in the log, with no personal data. */
const refusedFile = new Set([
  'WRONG_UNIT',
  'WRONG_FILE',
  'DAMAGED_FILE',
  'UNSUPPORTED_FORMAT',
  'CONFLICT',
]);

/** A transfer file refused is audited (a wrong passphrase is, by the throttle). */
async function auditRefusal<T>(context: HandlerContext, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && refusedFile.has(error.code)) {
      await context.state.db().transaction((manager) =>
        recordAudit(manager, {
          actor: context.actor,
          at: context.now,
          action: 'transfer.importRefused',
          entity: 'transfer',
          entityId: null,
          after: { code: error.code, message: error.message },
        }),
      );
    }
    throw error;
  }
}

export const setupFromFileHandlers: HandlersOf<'setupFile'> = {
  async 'setupFile.choose'({ passphrase }, context) {
    const { state } = context;
    if (state.isSetUp) {
      throw new AppError('ALREADY_SETUP', 'Enheten är redan upprättad på den här datorn.');
    }
    const path = await openPath(state, { title: 'Välj installationsfil', fileType: 'setup' });
    if (path === null) return null;
    const info = await withPassphrase(context, () => inspectSetupFile(path, passphrase));
    return { fileToken: state.chosenFiles.choose('setup', path, null), info };
  },

  async 'setupFile.install'({ fileToken, passphrase, deviceName }, context) {
    const { state } = context;
    const path = state.chosenFiles.path(fileToken, 'setup', null);
    await withPassphrase(context, () =>
      setUpFromSetupFile(state, path, passphrase, deviceName ? { deviceName } : {}),
    );
    state.chosenFiles.forget(fileToken);
    return buildStatus(state);
  },
};
