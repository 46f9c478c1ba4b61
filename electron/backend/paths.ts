import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_DIR_NAME = 'Daihou'

/** The per-user app-data folder, the same one Electron's `userData` uses. */
export function defaultDataDir(): string {
  const home = homedir()
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME)
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME)
}
