/**
 * The e2e stand-in for main/preload.ts: the same `window.api`, built by the same
 * createApi from the same channel names, but each call goes over loopback HTTP to the
 * bridge server, which hands it to the real router. Served only by the test bridge.
 */
import { createApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';

const api = createApi(async (channel, input) => {
  const response = await fetch(`/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  return (await response.json()) as Result<unknown>;
});

Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
