/** Minimal `--name value` / `--name=value` / `--flag` parser for the scripts. */
export function parseArgs<T extends Record<string, string>>(argv: string[], defaults: T): T & { flags: Set<string> } {
  const out: Record<string, string> = { ...defaults }
  const flags = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (!a.startsWith('--')) continue
    const eq = a.indexOf('=')
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1)
    else if (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('--') && a.slice(2) in defaults)
      out[a.slice(2)] = argv[++i] as string
    else flags.add(a.slice(2))
  }
  return Object.assign(out as T, { flags })
}
