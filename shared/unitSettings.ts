import { z } from 'zod';
import { countOf } from './swedishText';
import { requiredText } from './fields';

/**
 * The auto-lock's bounds: long enough to read a record, short enough for a shared PC. The
 * least must leave room, after any activity, for the renderer's two-minute warning and the
 * minute before it when every keystroke is reported (renderer/app/inactivity.ts
 * NEAR_LOCK_MS): with less, the warning would show again at once and never leave.
 */
export const AUTO_LOCK_MIN_MINUTES = 5;
export const AUTO_LOCK_MAX_MINUTES = 60;

/** Minutes typed in a field ("15"), as a whole number within the bounds. */
export const autoLockMinutesInput = z
  .string({ error: 'Ange antal minuter.' })
  .trim()
  .min(1, { error: 'Ange antal minuter.', abort: true })
  .max(10, { error: `Ange ${AUTO_LOCK_MIN_MINUTES}–${AUTO_LOCK_MAX_MINUTES} minuter.` })
  .regex(/^\d+$/, { error: 'Ange ett helt antal minuter med siffror, t.ex. 10.' })
  .transform(Number)
  .pipe(
    z
      .number()
      .min(AUTO_LOCK_MIN_MINUTES, {
        error: `Minst ${countOf(AUTO_LOCK_MIN_MINUTES, 'minut', 'minuter')}.`,
      })
      .max(AUTO_LOCK_MAX_MINUTES, { error: `Högst ${AUTO_LOCK_MAX_MINUTES} minuter.` }),
  );

/** The unit's name and department (printed on every document) and its auto-lock. */
export const unitDetailsInput = z.object({
  name: requiredText('enhetens namn'),
  department: requiredText('förvaltning'),
  autoLockMinutes: autoLockMinutesInput,
});
