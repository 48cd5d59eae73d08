import { powerMonitor } from 'electron';
import { backupNow } from './app/backup/backupService';
import type { Runner } from './app/backup/backupSchedule';
import { notePower } from './app/backup/lowBattery';
import type { AppState } from './app/state';

/**
 * The operating system's side of the low-battery backup: Electron's powerMonitor says
 * when the laptop goes on battery ('on-battery') but not how full it is (there is no
 * level in Electron's main-process API; electron#36830). The level comes from the window
 * (navigator.getBattery, `backup.power`); main/app/backup/lowBattery.ts decides.
 * 'on-battery' is not fired on every platform (electron#1615), so the state is also
 * looked at once a minute. Call after the app is ready.
 */
export function watchPower(state: AppState, run: Runner): () => void {
  const report = (systemOnBattery: boolean) => {
    if (!notePower(state, { systemOnBattery })) return;
    void run(() => backupNow(state, 'lowBattery')).catch(() => undefined);
  };
  const onBattery = () => report(true);
  const onAc = () => report(false);
  powerMonitor.on('on-battery', onBattery);
  powerMonitor.on('on-ac', onAc);
  report(powerMonitor.isOnBatteryPower());
  const timer = setInterval(() => report(powerMonitor.isOnBatteryPower()), 60_000);
  return () => {
    clearInterval(timer);
    powerMonitor.off('on-battery', onBattery);
    powerMonitor.off('on-ac', onAc);
  };
}
