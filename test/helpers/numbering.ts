import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { join } from 'node:path'

/**
 * Starts a second backend process on `dir` (numbering-worker.ts) that logs in as `username` and,
 * once `go()` is called, numbers one document per loan id. `ready` resolves when it is logged in;
 * `done` with the numbers it got and the errors it saw.
 */
export function numberingWorker(
  dir: string,
  username: string,
  kind: 'files' | 'notices',
  ids: readonly number[],
  asOf = '',
) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'numbering-worker.ts'), dir, username, 'Passw0rd!', kind, ids.join(','), asOf],
    { cwd: join(__dirname, '../..') },
  ) as ChildProcessWithoutNullStreams
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => process.stderr.write(c))
  const ready = new Promise<void>((ok, fail) => {
    const iv = setInterval(() => {
      if (out.includes('ready')) {
        clearInterval(iv)
        ok()
      }
    }, 10)
    child.on('exit', () => {
      clearInterval(iv)
      fail(new Error(`worker exited before ready: ${out}`))
    })
  })
  const done = new Promise<{ numbers: string[]; errors: string[] }>((ok, fail) => {
    child.on('exit', () => {
      const line = out.trim().split('\n').pop() ?? ''
      try {
        ok(JSON.parse(line))
      } catch {
        fail(new Error(`worker output: ${out}`))
      }
    })
  })
  return { ready, done, go: () => child.stdin.write('go\n') }
}
