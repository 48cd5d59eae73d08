import { dialogFailed } from '../desktop';
import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { backupNow, backupStatus, configureBackups } from './backupService';
import { readBackupSettings } from './backupSettings';
import { notePower } from './lowBattery';

export const backupHandlers: HandlersOf<'backup'> = {
  'backup.status': (_input, { state, now }) => backupStatus(state, now),
  'backup.configure': (input, context) =>
    configureBackups(context.state, requireActor(context), input, context.now),
  'backup.chooseFolder': async (_input, { state }) => {
    const folder = await state.desktop
      .chooseFolder({
        title: 'Välj mapp för säkerhetskopior',
        defaultPath: readBackupSettings(state.dbPath).folder,
      })
      .catch(() => {
        throw dialogFailed('Det gick inte att öppna dialogen för att välja mapp.');
      });
    return { folder };
  },
  'backup.now': async (_input, context) => {
    const outcome = await backupNow(context.state, 'manual', requireActor(context));
    // A manual backup either is made or throws its Swedish error (backupNow).
    if (outcome.kind !== 'made') throw new Error(`manual backup ${outcome.kind}`);
    return backupStatus(context.state, context.now);
  },
  'backup.power': async (reading, { state }) => {
    if (notePower(state, reading)) await backupNow(state, 'lowBattery');
    return null;
  },
};
