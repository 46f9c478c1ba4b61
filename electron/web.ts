/**
 * Browser mode: `npm run web -- --port <n> --data-dir <dir>`. Serves the built renderer and
 * the API on 127.0.0.1 only. Plain Node — never imports 'electron'.
 */
import { join } from 'node:path'
import { DatabaseOpenError, restoreLatestAtStartup, startBackend } from './backend'
import { startWebServer } from './backend/http-server'
import { defaultDataDir } from './backend/paths'

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2)
  const i = argv.indexOf(`--${name}`)
  if (i >= 0) return argv[i + 1]
  const eq = argv.find((a) => a.startsWith(`--${name}=`))
  return eq?.slice(name.length + 3)
}

async function main(): Promise<void> {
  const portText = arg('port') ?? process.env.DAIHOU_PORT ?? '0'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效：${portText}（应为 0–65535，0 表示自动选择）`)
    process.exit(2)
  }
  const dataDir = arg('data-dir') ?? process.env.DAIHOU_DATA_DIR ?? defaultDataDir()
  // Tests only (e2e): a cheaper scrypt for new hashes; a real login rehashes them at the default.
  const costText = arg('password-cost-log2')
  const logN = costText === undefined ? null : Number(costText)
  if (logN !== null && !(Number.isInteger(logN) && logN >= 10 && logN <= 17)) {
    console.error(`--password-cost-log2 无效：${costText}（应为 10–17）`)
    process.exit(2)
  }
  const open = () =>
    startBackend({
      dataDir,
      lock: true,
      dailyBackup: true,
      backgroundRefresh: true,
      ...(logN !== null && { passwordCost: { N: 2 ** logN, r: 8, p: 1 } }),
    })
  let backend
  try {
    backend = await open()
  } catch (e) {
    if (!(e instanceof DatabaseOpenError)) throw e
    if (e.offer && process.argv.includes('--restore-latest')) {
      const r = await restoreLatestAtStartup(dataDir)
      console.log(
        `已从备份 ${r.restoredFrom} 恢复 / restored from backup${r.keptDamagedAs ? `；原文件保留为 ${r.keptDamagedAs}` : ''}`,
      )
      backend = await open()
    } else {
      console.error(`无法打开数据库：${e.message}`)
      if (e.offer)
        console.error(`加上 --restore-latest 重新启动即可从备份 ${e.offer.id} 恢复（原文件会改名保留，不会被覆盖）。`)
      process.exit(e.reason === 'locked' ? 4 : 3)
    }
  }
  const web = await startWebServer({ backend, port, staticDir: join(__dirname, '../renderer') })
  console.log(`贷后管家 Daihou 浏览器模式已启动 / browser mode running`)
  console.log(`数据目录 data dir: ${dataDir}`)
  console.log(`请在浏览器打开 Open: ${web.url}`)
  if (!backend.opened)
    console.log('数据库已加密：请在浏览器中输入数据库口令解锁 / database encrypted: unlock in the browser')
  // Clean shutdown: stop taking requests, wait for the last write, checkpoint the WAL, close.
  const stop = async () => {
    await web.close()
    await backend.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

void main()
