/**
 * Search recall paths (issue 9) on N generated borrowers: full pinyin, ID prefix, 4+ phone digits.
 * `npx tsx scripts/bench-search-recall.ts [N]` prints p50/p95 per path and the query plans.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../electron/backend'
import { fullPinyin, nameInitials } from '../electron/backend/pinyin'
import { DEMO_PASSWORD } from './demo/generate'
import { mobile, personName, residentId } from './demo/people'
import { createRandom } from './demo/random'

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0

async function main() {
  const n = Number(process.argv[2] ?? 20000)
  const dir = mkdtempSync(join(tmpdir(), 'daihou-search-'))
  const b = await createBackend({ dataDir: dir })
  try {
    await b.dispatch({
      method: 'system.setup',
      input: {
        orgName: '测试联社',
        branchCode: '3301',
        adminUsername: 'admin',
        adminDisplayName: '管理员',
        adminPassword: DEMO_PASSWORD,
      },
    })
    const login = await b.dispatch({ method: 'auth.login', input: { username: 'admin', password: DEMO_PASSWORD } })
    const token = (login as { value: { token: string } }).value.token
    const r = createRandom(7)
    const ins = b.env.sqlite
      .prepare(`insert into borrowers (kind, name, name_initials, name_pinyin, id_number, id_tail, phone, created_at, updated_at)
      values ('individual', ?, ?, ?, ?, ?, ?, 'x', 'x')`)
    const rows: { name: string; id: string; phone: string }[] = []
    b.env.sqlite.transaction(() => {
      for (let i = 0; i < n; i++) {
        const name = personName(r),
          id = residentId(r, i).id,
          phone = mobile(r)
        ins.run(name, nameInitials(name), fullPinyin(name), id, id.slice(-6), phone)
        if (i % 97 === 0) rows.push({ name, id, phone })
      }
    })()
    const paths: Record<string, string[]> = {
      pinyin: rows.map((x) => fullPinyin(x.name)),
      idPrefix: rows.map((x) => x.id.slice(0, 10)),
      phone4: rows.map((x) => x.phone.slice(3, 7)),
      phone7: rows.map((x) => x.phone.slice(2, 9)),
    }
    for (const [path, qs] of Object.entries(paths)) {
      const ms: number[] = []
      for (const q of qs.slice(0, 200)) {
        const t0 = performance.now()
        const res = await b.dispatch({ method: 'search.global', input: { q, limit: 30 }, token })
        ms.push(performance.now() - t0)
        if (!res.ok) throw new Error(res.error.message)
      }
      console.log(`${path}: ${ms.length} queries, p50 ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms`)
    }
    const plan = (sql: string, ...p: unknown[]) =>
      (b.env.sqlite.prepare(`explain query plan ${sql}`).all(...p) as { detail: string }[])
        .map((x) => x.detail)
        .join(' | ')
    console.log(
      'plan pinyin:',
      plan(`select id from borrowers where name_pinyin > ? and name_pinyin < ?`, 'wang', 'wang\uffff'),
    )
    console.log(
      'plan phone:',
      plan(`select id from borrowers where id in (select rowid from borrower_phone_fts where phone match ?)`, '"1234"'),
    )
  } finally {
    b.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
void main()
