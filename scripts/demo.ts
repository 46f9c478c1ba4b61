/**
 * `npm run demo -- --data-dir <dir> --seed <n> [--borrowers N]`: fills an empty data dir with
 * deterministic demo data (Chinese names, villages, valid ID numbers). County size is 200000.
 */
import { DEMO_PASSWORD, DEMO_USERS, generateDemo } from './demo/generate'
import { parseArgs } from './args'

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { 'data-dir': '', seed: '1', borrowers: '2000' })
  if (!args['data-dir']) {
    console.error('用法 usage: npm run demo -- --data-dir <目录> [--seed 1] [--borrowers 2000]')
    process.exit(2)
  }
  const seed = Number(args.seed)
  const borrowers = Number(args.borrowers)
  if (!Number.isInteger(seed) || !Number.isInteger(borrowers) || borrowers < 0 || borrowers > 2_000_000) {
    console.error('--seed 须为整数，--borrowers 须为 0–2000000 的整数')
    process.exit(2)
  }
  const r = await generateDemo({
    dataDir: args['data-dir'],
    seed,
    borrowers,
    onProgress: (done, total) => process.stdout.write(`\r借款人 borrowers ${done}/${total}`),
  })
  console.log(`\n完成 done: ${r.borrowers} 位借款人，用时 ${(r.ms / 1000).toFixed(1)} s`)
  console.log(`账户 accounts: admin, ${DEMO_USERS.map((u) => u.username).join(', ')}；密码 password: ${DEMO_PASSWORD}`)
}

main().catch((e: Error) => {
  console.error(`演示数据生成失败：${e.message}`)
  process.exit(1)
})
