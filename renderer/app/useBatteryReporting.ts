import { useEffect } from 'react';
import { api } from './api';

/** The part of Chromium's BatteryManager (navigator.getBattery) the app reads. */
interface BatteryManager extends EventTarget {
  level: number;
  charging: boolean;
}

/** A change is reported at once; this often all the same, in case an event was missed. */
const REPORT_EVERY_MS = 60_000;

/**
 * Tells main the laptop's battery level and whether it charges, so a laptop on battery
 * below 20 % makes a backup at once (main decides; main/app/backup/lowBattery.ts).
 * Electron's main process knows "on battery" but not the level; the window knows both.
 * While the database is open, signed in or not: the report does not count as activity.
 */
export function useBatteryReporting(databaseOpen: boolean): void {
  useEffect(() => {
    const nav = navigator as Navigator & { getBattery?: () => Promise<BatteryManager> };
    if (!databaseOpen || !nav.getBattery) return;
    let battery: BatteryManager | null = null;
    let stopped = false;
    const report = () => {
      if (!battery) return;
      void api().backup.power({ level: battery.level, charging: battery.charging });
    };
    void nav
      .getBattery()
      .then((manager) => {
        if (stopped) return;
        battery = manager;
        manager.addEventListener('levelchange', report);
        manager.addEventListener('chargingchange', report);
        report();
      })
      .catch(() => undefined);
    const timer = setInterval(report, REPORT_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      battery?.removeEventListener('levelchange', report);
      battery?.removeEventListener('chargingchange', report);
    };
  }, [databaseOpen]);
}
