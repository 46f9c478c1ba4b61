import { useSyncExternalStore } from 'react'

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb)
  return () => window.removeEventListener('hashchange', cb)
}
const read = () => window.location.hash.split('?')[1] ?? ''

/** Query of the hash route that re-renders when only the query changes (`?loan=3` → `?id=7`). */
export function useHashParams(): URLSearchParams {
  return new URLSearchParams(useSyncExternalStore(subscribe, read))
}
