import { useSyncExternalStore } from 'react'

/** The current hash route, e.g. `#/users` → `/users`; empty → `/`. */
function readPath(): string {
  const raw = window.location.hash.replace(/^#/, '')
  const path = raw.split('?')[0] ?? ''
  return path.startsWith('/') ? path : `/${path}`
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb)
  return () => window.removeEventListener('hashchange', cb)
}

/** A tiny hash router: re-renders when the hash changes. */
export function useRoute(): string {
  return useSyncExternalStore(subscribe, readPath)
}

/** Navigates to a route (`/users`). */
export function navigate(path: string): void {
  window.location.hash = `#${path}`
}

/** Query string of the hash route (`#/archives/file?id=3` → id=3). */
export function hashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '')
}
