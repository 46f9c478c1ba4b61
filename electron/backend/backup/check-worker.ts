import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** What a read-only look at a database file found (interpreted by the caller). */
export interface RawCheck {
  integrity: string
  appId: number
  /** Applied migration names, or null without a kysely_migration table. */
  applied: string[] | null
  counts: Record<string, number>
}

// Plain JS run in a worker thread so a full integrity_check of a county database does not stop
// the event loop (posting goes on meanwhile). Same driver, opened read-only.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
let db
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true })
  const integrity = String(db.pragma('integrity_check', { simple: true }))
  const appId = db.pragma('application_id', { simple: true })
  const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all()
  const applied = names.includes('kysely_migration') ? db.prepare('select name from kysely_migration').pluck().all() : null
  const counts = {}
  if (integrity === 'ok') for (const n of names) counts[n] = db.prepare('select count(*) from "' + n.replaceAll('"', '""') + '"').pluck().get()
  parentPort.postMessage({ ok: { integrity, appId, applied, counts } })
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e), code: e && e.code })
} finally {
  if (db) db.close()
}
`

let driverPath: string | null | undefined

function driver(): string | null {
  if (driverPath === undefined) {
    try {
      driverPath = createRequire(__filename).resolve('better-sqlite3-multiple-ciphers')
    } catch {
      driverPath = null
    }
  }
  return driverPath
}

/**
 * Runs the read-only check in a worker thread; resolves null when no worker can be started
 * (the caller then checks on the main thread). Rejects with the driver's error (e.g. SQLITE_NOTADB).
 */
export function checkInWorker(file: string): Promise<RawCheck | null> {
  const path = driver()
  if (!path) return Promise.resolve(null)
  return new Promise((ok, fail) => {
    let worker: Worker
    try {
      worker = new Worker(WORKER_CODE, { eval: true, workerData: { driver: path, file } })
    } catch {
      ok(null)
      return
    }
    worker.once('message', (m: { ok?: RawCheck; error?: string; code?: string }) => {
      if (m.ok) ok(m.ok)
      else fail(Object.assign(new Error(m.error ?? '?'), { code: m.code }))
    })
    worker.once('error', () => ok(null))
    worker.once('exit', () => ok(null)) // no-op when already settled
  })
}
