import type { Api } from '../../shared/api';
import type { Result } from '../../shared/result';

type Listener = () => void;
const statusListeners = new Set<Listener>();

/**
 * Subscribes to "the app status may have changed": main no longer has you signed in
 * (auto-lock, deactivated account), or an outage was started or ended.
 */
export function onStatusChanged(listener: Listener): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

export function statusChanged(): void {
  statusListeners.forEach((listener) => listener());
}

let wrapped: Api | null = null;

/**
 * window.api with one addition: any answer saying the session is gone tells the app
 * shell, which shows the sign-in screen, wherever the call was made.
 */
export function api(): Api {
  wrapped ??= wrap(window.api);
  return wrapped;
}

function wrap(raw: Api): Api {
  const result: Record<string, Record<string, unknown>> = {};
  for (const [domain, methods] of Object.entries(raw)) {
    result[domain] = {};
    for (const [method, call] of Object.entries(methods as Record<string, Function>)) {
      result[domain][method] = async (input?: unknown) => {
        const answer = (await call(input)) as Result<unknown>;
        if (!answer.ok && ['SESSION_LOCKED', 'NOT_SIGNED_IN'].includes(answer.error.code)) {
          statusChanged();
        }
        return answer;
      };
    }
  }
  return result as unknown as Api;
}
