/**
 * Browser mode for benches: build when stale, start `out/main/web.js` on a data folder, and
 * stop it cleanly (the server finishes its last write and closes the database before exit).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..')

/** Builds the app when the sources are newer than out/ (the same rule as `npm run web`). */
export function ensureBuilt(): void {
  const built = spawnSync(process.execPath, ['-e', "import('./scripts/web.mjs').then((m) => m.ensureBuilt())"], {
    cwd: root,
    stdio: ['ignore', 2, 2], // build output to stderr: stdout stays one JSON object per line with --json
  })
  if (built.status !== 0) throw new Error('build failed')
}

export interface WebServer {
  url: string
  /** Resolves when the server printed its address (ms since spawn). */
  startedMs: number
  stop(): Promise<void>
}

/** Spawns browser mode on `dataDir` and resolves once it prints its address. */
export async function startWeb(dataDir: string): Promise<WebServer> {
  const t0 = performance.now()
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
  const url = await new Promise<string>((ok, fail) => {
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)
      if (m) ok(m[0])
    })
    child.once('exit', (code) => fail(new Error(`web.js exited with ${code}`)))
  })
  return {
    url,
    startedMs: performance.now() - t0,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/** Debian's Chromium (the e2e browser); null when it is not installed. */
export function chromiumPath(): string | null {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  return existsSync(p) ? p : null
}
