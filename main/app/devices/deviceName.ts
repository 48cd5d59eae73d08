import { hostname } from 'node:os';
import { MAX_DEVICE_NAME } from '../../../shared/devices';

/** What an installation is called in audit entries and summaries: the name given, or else. */
export function deviceNameOr(given: string | null | undefined, otherwise: string): string {
  return ((given ?? '').trim() || otherwise).slice(0, MAX_DEVICE_NAME);
}

/** The office PC is called what IT calls the computer, until the enhetschef renames it. */
export function officeDeviceName(): string {
  let name = '';
  try {
    name = hostname();
  } catch {
    // No name to be had: the plain word will do.
  }
  return deviceNameOr(name, 'Kontorsdatorn');
}
