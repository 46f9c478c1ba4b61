/// <reference types="vite/client" />

/** Exposed by electron/preload.ts through contextBridge; absent in browser mode. */
interface DaihouBridge {
  call(method: string, input: unknown): Promise<unknown>
}

interface Window {
  daihou?: DaihouBridge
}
