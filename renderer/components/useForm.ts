import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { AppErrorData, Result } from '../../shared/result';
import { differs, reportUnsaved } from '../app/unsavedChanges';
import { actionStarted } from './useNotice';

export interface FieldProps {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (
    event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>,
  ) => void;
}

export interface FlagProps {
  name: string;
  checked: boolean;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/**
 * Form state with the main process as the judge: values go to main unvalidated, and
 * its field errors (keyed by input path, e.g. "manager.password") come back next to
 * the fields. One source of rules, so the form and the service cannot disagree.
 */
export function useForm<V extends Record<string, string | boolean>>(
  initial: V,
  options: { trackUnsaved?: boolean } = {},
) {
  const [values, setValues] = useState(initial);
  // What the form started with or last saved: input differing from it is unsaved.
  const [baseline, setBaseline] = useState(initial);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const unsaved = differs(baseline, values);
  const trackUnsaved = options.trackUnsaved ?? true;
  const identity = useRef({});

  // Tell the leave guard; a hidden (locked) or closed form stops counting.
  useEffect(() => {
    const form = identity.current;
    reportUnsaved(form, trackUnsaved && unsaved);
    return () => reportUnsaved(form, false);
  }, [trackUnsaved, unsaved]);

  // After the errors are on screen, take the keyboard to the first field to fix.
  useEffect(() => {
    if (error?.fields) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const field = useCallback(
    (name: keyof V & string): FieldProps => ({
      name,
      value: String(values[name] ?? ''),
      error: fieldError(error, name),
      onChange: (event) => setValues((current) => ({ ...current, [name]: event.target.value })),
    }),
    [values, error],
  );

  const flag = useCallback(
    (name: keyof V & string): FlagProps => ({
      name,
      checked: values[name] === true,
      error: fieldError(error, name),
      onChange: (event) => setValues((current) => ({ ...current, [name]: event.target.checked })),
    }),
    [values, error],
  );

  function submitWith<T>(call: (values: V) => Promise<Result<T>>, onSuccess: (value: T) => void) {
    return async (event?: FormEvent) => {
      event?.preventDefault();
      if (busy) return;
      actionStarted();
      setBusy(true);
      try {
        const result = await call(values);
        if (result.ok) {
          setError(null);
          setBaseline(values);
          onSuccess(result.value);
        } else if (result.error.code !== 'SESSION_LOCKED') {
          setError(result.error);
        }
        // SESSION_LOCKED: the app shows the sign-in screen and keeps this form, values
        // and all, for the same person; a message here would be stale when it returns.
      } finally {
        setBusy(false);
      }
    };
  }

  return {
    values,
    setValues,
    error,
    busy,
    /** Whether the values differ from what the form started with or last saved. */
    unsaved,
    field,
    flag,
    submitWith,
    reset: () => {
      setValues(initial);
      setBaseline(initial);
      setError(null);
    },
  };
}

/** The message for a field, or for any part of it ("affectedSystems.2" under "affectedSystems"). */
function fieldError(error: AppErrorData | null, name: string): string | undefined {
  const fields = error?.fields;
  if (!fields) return undefined;
  if (fields[name]) return fields[name];
  const part = Object.keys(fields).find((key) => key.startsWith(`${name}.`));
  return part ? fields[part] : undefined;
}
