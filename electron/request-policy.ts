import { resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Whether the Electron session may load `url`: only files inside the built renderer folder
 * (`rendererDir`), devtools, and inline `data:`/`blob:` resources the CSP already limits.
 * Any other `file:` URL (the user's documents, the database) and every remote URL is refused.
 * Pure and free of 'electron' so it can be unit-tested in plain Node.
 */
export function isAllowedRequest(url: string, rendererDir: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false
  let path: string
  try {
    path = resolve(fileURLToPath(parsed))
  } catch {
    return false // encoded separators and the like
  }
  const root = resolve(rendererDir)
  return path === root || path.startsWith(root + sep)
}
