// Crash-test child: opens the data folder like the app (lock file included), logs in, then posts
// 1.00 元 repayments round-robin over the given loans for ever, printing `ack <receiptNo>` after
// each one the backend acknowledged. The parent kills it with SIGKILL at a random moment.
// The parent starts the next children while the current one runs: each loads its code, says
// `loaded` and waits for `go` on stdin (after the previous kill and check) before touching the folder.
//
// Bundled by crash.ts and, when it can, baked into a V8 startup snapshot (`node --build-snapshot`):
// a life then starts with every module already evaluated (~0.3 s of CPU instead of ~2 s on a busy
// 2-core machine), which is what makes 1,000 kills affordable. The SQLite driver is a native addon,
// which a snapshot cannot hold: the bundle resolves it lazily through `globalThis.__daihouRequire`,
// set here at run time. What runs after `go` is the app's own code, unchanged.
import { createRequire } from 'node:module'
import { startupSnapshot } from 'node:v8'
import { createBackend } from '../../electron/backend'

declare const CRASH_ROOT: string

async function main(args: string[]): Promise<void> {
  ;(globalThis as { __daihouRequire?: NodeJS.Require }).__daihouRequire = createRequire(`${CRASH_ROOT}/package.json`)
  const [dir, username, password, idsCsv, paidDate] = args as [string, string, string, string, string]
  if (args.includes('--wait-go')) {
    process.stdout.write('loaded\n')
    await new Promise<void>((ok) => process.stdin.once('data', () => ok()))
  }
  // The tests' scrypt cost (2^10): with the default (2^17) every life's login would verify, and the
  // first rehash, at ~0.5 s of CPU — most of a short life — without touching what is tested.
  const cost = args.find((a) => a.startsWith('--password-cost-log2='))
  const passwordCost = cost ? { N: 2 ** Number(cost.split('=')[1]), r: 8, p: 1 } : undefined
  const b = await createBackend({ dataDir: dir, lock: true, ...(passwordCost && { passwordCost }) })
  const call = async (method: string, input: unknown, token: string | null = null) => {
    const r = await b.dispatch({ method, input, token })
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
    return r.value as Record<string, unknown>
  }
  const token = (await call('auth.login', { username, password })).token as string
  process.stdout.write('ready\n')
  const ids = idsCsv.split(',').map(Number)
  for (let i = 0; ; i++) {
    const loanId = ids[i % ids.length] as number
    const r = await call('servicing.postRepayment', { loanId, paidDate, amount: 100, channel: 'cash' }, token)
    process.stdout.write(`ack ${(r.repayment as { receiptNo: string }).receiptNo}\n`)
  }
}

function run(args: string[]): void {
  main(args).catch((e: Error) => {
    process.stderr.write(`crash-worker: ${e.message}\n`)
    process.exit(1)
  })
}

// `node --snapshot-blob blob a b …` starts the deserialised main with argv [node, a, b, …].
if (startupSnapshot.isBuildingSnapshot()) startupSnapshot.setDeserializeMainFunction(() => run(process.argv.slice(1)))
else run(process.argv.slice(2))
