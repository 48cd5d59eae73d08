import { z } from 'zod';
import { requiredText } from './fields';

/** The auto-lock's bounds: long enough to read a record, short enough for a shared PC. */
export const AUTO_LOCK_MIN_MINUTES = 1;
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
      .min(AUTO_LOCK_MIN_MINUTES, { error: `Minst ${AUTO_LOCK_MIN_MINUTES} minut.` })
      .max(AUTO_LOCK_MAX_MINUTES, { error: `Högst ${AUTO_LOCK_MAX_MINUTES} minuter.` }),
  );

/** The unit's name and department (printed on every document) and its auto-lock. */
export const unitDetailsInput = z.object({
  name: requiredText('enhetens namn'),
  department: requiredText('förvaltning'),
  autoLockMinutes: autoLockMinutesInput,
});
