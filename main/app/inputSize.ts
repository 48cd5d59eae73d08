import type { AppErrorData } from '../../shared/result';

/**
 * The largest input main accepts, well above any form (a 20 000-character journal note,
 * 1 000 ids to mark as entered) and far below what would stall the app to parse.
 */
export const MAX_INPUT_SIZE = 1_000_000;

export const inputTooLarge: AppErrorData = {
  code: 'TOO_LARGE',
  message: 'Uppgifterna är för stora för att tas emot (högst 1 MB). Ingenting sparades.',
};

/**
 * Whether a value is larger than the limit: strings count by length, every other value
 * by a little. The walk stops as soon as the budget is spent, so a 10 MB payload costs
 * no more to refuse than a 1 MB one, and cycles cannot make it run forever.
 */
export function exceedsInputSize(value: unknown, limit = MAX_INPUT_SIZE): boolean {
  let budget = limit;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    budget -= 8;
    if (typeof next === 'string') budget -= next.length;
    else if (ArrayBuffer.isView(next)) budget -= next.byteLength;
    else if (next instanceof ArrayBuffer) budget -= next.byteLength;
    else if (Array.isArray(next)) {
      for (const item of next) {
        budget -= 8;
        if (budget < 0) return true;
        pending.push(item);
      }
    } else if (next !== null && typeof next === 'object') {
      for (const [key, child] of Object.entries(next)) {
        budget -= key.length + 8;
        if (budget < 0) return true;
        pending.push(child);
      }
    }
    if (budget < 0) return true;
  }
  return false;
}
