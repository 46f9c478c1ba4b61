// A second process writing to the same data dir: logs in, waits for "go" on stdin, then numbers
// documents as fast as it can — loan files (`files`) or collection notices (`notices`) — and
// prints the numbers it got (one JSON line).
import { createBackend } from '../../electron/backend'

async function main(): Promise<void> {
  const [dir, username, password, kind, idsCsv, asOf] = process.argv.slice(2) as [
    string,
    string,
    string,
    'files' | 'notices',
    string,
    string | undefined,
  ]
  const b = await createBackend({ dataDir: dir })
  const call = async (method: string, input: unknown, token: string | null = null) => {
    const r = await b.dispatch({ method, input, token })
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
    return r.value as Record<string, unknown>
  }
  const token = (await call('auth.login', { username, password })).token as string
  const next = async (loanId: number): Promise<string> =>
    kind === 'files'
      ? ((await call('archives.register', { loanId }, token)).fileNo as string)
      : ((await call('notices.create', { loanId, addressee: 'borrower', asOf }, token)).noticeNo as string)
  process.stdout.write('ready\n')
  await new Promise<void>((ok) => process.stdin.once('data', () => ok()))
  const numbers: string[] = []
  const errors: string[] = []
  for (const id of idsCsv.split(',').map(Number)) {
    try {
      numbers.push(await next(id))
    } catch (e) {
      errors.push((e as Error).message)
    }
  }
  process.stdout.write(`${JSON.stringify({ numbers, errors })}\n`)
  await b.close()
  process.exit(0) // stdin stays open otherwise
}
main().catch((e: Error) => {
  process.stdout.write(`${JSON.stringify({ numbers: [], errors: [e.message] })}\n`)
  process.exit(1)
})
