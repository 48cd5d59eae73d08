import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../shared/api';

/**
 * The renderer sees only domain functions (`api.users.create`), never ipcRenderer,
 * and only the channels in the contract.
 */
contextBridge.exposeInMainWorld(
  'api',
  createApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
