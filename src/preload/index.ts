/**
 * The bridge: exposes exactly the contract's verbs on `window.framescope`, nothing else — no
 * `ipcRenderer`, no generic invoke. Runs sandboxed, so it is bundled as CommonJS.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, invokeChannel, type FramescopeApi } from '../shared/contract';
import type { Progress } from '../shared/model';

const api = {
  getAnalysis: () => ipcRenderer.invoke(invokeChannel('getAnalysis')),
  getArticle: (request) => ipcRenderer.invoke(invokeChannel('getArticle'), request),
  getEvidence: (request) => ipcRenderer.invoke(invokeChannel('getEvidence'), request),
  getEventTables: (request) => ipcRenderer.invoke(invokeChannel('getEventTables'), request),
  getFigures: (request) => ipcRenderer.invoke(invokeChannel('getFigures'), request),
  openFolder: () => ipcRenderer.invoke(invokeChannel('openFolder')),
  openSeeds: () => ipcRenderer.invoke(invokeChannel('openSeeds')),
  openExternal: (request) => ipcRenderer.invoke(invokeChannel('openExternal'), request),
  saveCorrections: (request) => ipcRenderer.invoke(invokeChannel('saveCorrections'), request),
  saveExport: (request) => ipcRenderer.invoke(invokeChannel('saveExport'), request),
  exportPdf: (request) => ipcRenderer.invoke(invokeChannel('exportPdf'), request),
  exportData: (request) => ipcRenderer.invoke(invokeChannel('exportData'), request),
  onProgress: (listener) => {
    const channel = eventChannel('progress');
    const handler = (_event: IpcRendererEvent, progress: Progress): void => listener(progress);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
} satisfies FramescopeApi;

contextBridge.exposeInMainWorld('framescope', api);
