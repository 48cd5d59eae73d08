import { LOW_BATTERY_LEVEL } from '../../../shared/backup';
import type { AppState } from '../state';

/**
 * A backup at once when the laptop runs on battery below 20 %, once per crossing: it may
 * die before the next scheduled one. Electron's main process knows whether the laptop is
 * on battery (powerMonitor, main/power.ts) but not the level; the window knows both
 * (navigator.getBattery, reported through `backup.power`). Either report is noted here
 * and the decision is this module's, free of Electron.
 */
export interface PowerReading {
  /** 0–1, null until the window has reported one. */
  level: number | null;
  onBattery: boolean;
}

/** Whether the reading is low, and whether that is new: the moment to back up. */
export function lowBatteryStep(
  wasLow: boolean,
  reading: PowerReading,
): { low: boolean; backUp: boolean } {
  const low = reading.onBattery && reading.level !== null && reading.level < LOW_BATTERY_LEVEL;
  return { low, backUp: low && !wasLow };
}

interface PowerMemory {
  level: number | null;
  /** From the window: not charging (a full battery on the mains counts as charging). */
  windowOnBattery: boolean | null;
  /** From the operating system (powerMonitor): trusted over the window when known. */
  systemOnBattery: boolean | null;
  low: boolean;
}

const memories = new WeakMap<AppState, PowerMemory>();

/**
 * Notes what one side reported and says whether a backup is due now. The caller makes it
 * (in line with the router's calls).
 */
export function notePower(
  state: AppState,
  report: { level: number; charging: boolean } | { systemOnBattery: boolean },
): boolean {
  const memory = memories.get(state) ?? {
    level: null,
    windowOnBattery: null,
    systemOnBattery: null,
    low: false,
  };
  if ('systemOnBattery' in report) {
    memory.systemOnBattery = report.systemOnBattery;
  } else {
    memory.level = report.level;
    memory.windowOnBattery = !report.charging;
  }
  const onBattery = memory.systemOnBattery ?? memory.windowOnBattery ?? false;
  const step = lowBatteryStep(memory.low, { level: memory.level, onBattery });
  memory.low = step.low;
  memories.set(state, memory);
  return step.backUp;
}
