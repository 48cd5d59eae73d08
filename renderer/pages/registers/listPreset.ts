import type { RegisterKey } from '../../../shared/registers';
import type { ListFilter } from './useRecordPages';

/**
 * A filter to open a register's list with, set by a link from elsewhere (the overview's
 * counts) just before the shell shows the register, and taken once by its page as it
 * opens. The app's navigation is the shell's page state, not a URL, so it lives here.
 */
let preset: { key: RegisterKey; filter: Partial<ListFilter> } | null = null;

export function presetListFilter(key: RegisterKey, filter: Partial<ListFilter>): void {
  preset = { key, filter };
}

/** The filter set for this register (read as the page opens; React may read it twice). */
export function listPreset(key: RegisterKey): Partial<ListFilter> {
  return preset?.key === key ? preset.filter : {};
}

/** Once the page has opened with it: later visits start from the plain list. */
export function clearListPreset(): void {
  preset = null;
}
