// Worker-thread entry of the day's all-loans state refresh (state-refresh.ts starts it): the
// portfolio scan and the replays on the worker's own read-only connection (the same key when the
// database is encrypted), inside one read transaction so the scan and the stored rows it is
// compared with are one snapshot. Only the changed rows go back; the app's connection writes them.
import { parentPort, workerData } from 'node:worker_threads'
import { openSqlite } from '../db/cipher'
import { computeStateChanges } from './state-repo'

/** What the worker is given. */
export interface StateJob {
  file: string
  key: string | null
  today: string
}

/** Changed rows per message. */
const CHUNK = 2000

function run(job: StateJob) {
  const db = openSqlite(job.file, job.key, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    db.pragma('cache_size = -131072')
    db.exec('begin')
    try {
      return computeStateChanges(db, job.today)
    } finally {
      db.exec('commit')
    }
  } finally {
    db.close()
  }
}

if (parentPort) {
  const t0 = performance.now()
  try {
    const changes = run(workerData as StateJob)
    const ms = performance.now() - t0
    // In small messages: each is copied into the app's thread as a task of its own, so a day's
    // 200,000 changed rows never stop the app's event loop for the whole copy.
    for (let i = 0; i < changes.length; i += CHUNK) parentPort.postMessage({ part: changes.slice(i, i + CHUNK) })
    parentPort.postMessage({ done: true, ms })
  } catch (e) {
    parentPort.postMessage({ error: String((e as Error)?.message ?? e) })
  }
}
