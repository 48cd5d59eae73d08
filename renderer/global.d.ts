import type { Api } from '../shared/api';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or by the e2e bridge (Chromium). */
    readonly api: Api;
  }
}
