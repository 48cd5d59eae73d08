import type { Api } from '../../shared/api';
import type { Result } from '../../shared/result';

type Listener = () => void;
const sessionLostListeners = new Set<Listener>();

/** Subscribes to "main no longer has you signed in" (auto-lock, deactivated account). */
export function onSessionLost(listener: Listener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
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
          sessionLostListeners.forEach((listener) => listener());
        }
        return answer;
      };
    }
  }
  return result as unknown as Api;
}
