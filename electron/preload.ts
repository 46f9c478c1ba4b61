import { contextBridge, ipcRenderer } from 'electron'

/** The only thing the renderer gets: one function, carrying `{ method, input }` to the main process. */
contextBridge.exposeInMainWorld('daihou', {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('daihou:call', method, input),
})
