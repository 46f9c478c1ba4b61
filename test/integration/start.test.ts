import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/backend'

const root = resolve(__dirname, '../..')
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/**
 * Runs a launcher until it prints the URL, answers /api/health through it, then stops it and
 * waits for it to exit (its clean shutdown may still be finishing the daily backup).
 */
function launch(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ output: string; health: { ok: boolean; schemaVersion: number } }>((ok, fail) => {
    const child = spawn(process.execPath, [join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      detached: true,
    })
    let output = ''
    let result: { ok: boolean; schemaVersion: number } | null = null
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        /* already gone */
      }
    }
    const onData = (c: Buffer) => {
      output += c.toString()
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)
      if (m && result === null)
        fetch(`${m[0]}api/health`)
          .then((r) => r.json())
          .then(
            (h) => {
              result = h as never
              stop()
            },
            (e: Error) => {
              stop()
              fail(e)
            },
          )
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => (result ? ok({ output, health: result }) : fail(new Error(`exited ${code}: ${output}`))))
  })
}

describe('launchers', () => {
  it('npm start without the Electron runtime explains itself and starts browser mode (no stack trace)', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const r = await launch('scripts/start.mjs', ['--port', '0', '--data-dir', t.dir], {
      ELECTRON_OVERRIDE_DIST_PATH: join(t.dir, 'no-electron-here'),
    })
    expect(r.output).toContain('未找到 Electron 运行时')
    expect(r.output).toContain('browser mode')
    expect(r.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/) // no stack frames
    expect(r.health.ok).toBe(true)
  }, 60_000)

  it('npm run web honours DAIHOU_PORT-style env and --data-dir, printing the URL', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const r = await launch('scripts/web.mjs', [], { DAIHOU_PORT: '0', DAIHOU_DATA_DIR: t.dir })
    expect(r.output).toContain(t.dir)
    expect(typeof r.health.schemaVersion).toBe('number')
  }, 60_000)
})
