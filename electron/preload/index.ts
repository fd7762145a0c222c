// The sandboxed preload: bundled into one CommonJS file (out/preload/index.cjs) whose only
// require is 'electron'. It exposes the contract as window.juxta and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './api';

contextBridge.exposeInMainWorld('juxta', createPreloadApi(ipcRenderer));
