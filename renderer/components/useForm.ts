import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { AppErrorData, Result } from '../../shared/result';

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
export function useForm<V extends Record<string, string | boolean>>(initial: V) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);

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
      setBusy(true);
      try {
        const result = await call(values);
        if (result.ok) {
          setError(null);
          onSuccess(result.value);
        } else {
          setError(result.error);
        }
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
    field,
    flag,
    submitWith,
    reset: () => {
      setValues(initial);
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
