import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../shared/channels';
import type { Result } from '../shared/result';
import type { Router } from './app/router';
import { APP_ORIGIN } from './protocol';

/** Binds every contract channel to the router; the router validates and authorizes. */
export function bindIpc(router: Router): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown): Promise<Result<unknown>> => {
      if (!isAppFrame(event)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Anropet kom inte från Reservpärm.' },
        });
      }
      return router.handle(channel, input);
    });
  }
}

function isAppFrame(event: IpcMainInvokeEvent): boolean {
  return event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`) ?? false;
}
