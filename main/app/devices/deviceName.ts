import { hostname } from 'node:os';
import { MAX_DEVICE_NAME } from '../../../shared/devices';

/**
 * What an installation is called in audit entries and transfer summaries: the name given,
 * else the computer's own name (what IT knows it by), else a plain word for it.
 */
export function deviceNameOr(given: string | null | undefined, fallback: string): string {
  const name = (given ?? '').trim() || safeHostname() || fallback;
  return name.slice(0, MAX_DEVICE_NAME);
}

export const officeDeviceName = (): string => deviceNameOr(null, 'Kontorsdatorn');

function safeHostname(): string {
  try {
    return hostname().trim();
  } catch {
    return '';
  }
}
