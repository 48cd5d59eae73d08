import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * Says that the person started something new (a form is being sent). Every success
 * message on screen is then out of date: left standing, "Posten är sparad" would sit
 * above the next save's error as if both were true.
 */
export function actionStarted(): void {
  listeners.forEach((listener) => listener());
}

/**
 * State for a success message (or whatever a page shows as "done"): set when something
 * succeeded, back to `cleared` as soon as the next action starts, on whichever form of the
 * page it starts. One rule for every page, so none keeps a stale "sparad".
 */
export function useNotice<T>(cleared: T): [T, Dispatch<SetStateAction<T>>] {
  const [notice, setNotice] = useState<T>(cleared);
  const empty = useRef(cleared);
  useEffect(() => {
    const clear = () => setNotice(empty.current);
    listeners.add(clear);
    return () => {
      listeners.delete(clear);
    };
  }, []);
  return [notice, setNotice];
}
