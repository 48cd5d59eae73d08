import { useCallback, useRef } from 'react';

/**
 * For calls whose answers may arrive out of order (a slow count, then a quick next page):
 * each answer says whether it is still the latest call's, so an earlier one never replaces
 * what was asked for after it.
 */
export function useLatest(): <T>(call: () => Promise<T>) => Promise<{ latest: boolean; value: T }> {
  const counter = useRef(0);
  return useCallback(<T>(call: () => Promise<T>) => {
    const request = ++counter.current;
    return call().then((value) => ({ latest: request === counter.current, value }));
  }, []);
}
