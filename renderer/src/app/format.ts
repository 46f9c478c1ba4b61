import { currentLanguage } from '../i18n'

const cache = new Map<string, Intl.DateTimeFormat>()
function fmt(kind: 'datetime' | 'date' | 'longDate'): Intl.DateTimeFormat {
  const lang = currentLanguage()
  const key = `${lang}:${kind}`
  let f = cache.get(key)
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'datetime'
        ? {
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            hour12: false,
          }
        : kind === 'date'
          ? { year: 'numeric', month: '2-digit', day: '2-digit' }
          : { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', opts)
    cache.set(key, f)
  }
  return f
}

/** An ISO timestamp in local time, e.g. `2025/03/08 14:05:09` (zh-CN). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : fmt('datetime').format(d)
}

/** A date as `2025年3月8日星期六` (zh-CN). */
export function formatLongDate(d: Date): string {
  return fmt('longDate').format(d)
}

/** Today's local date as `YYYY-MM-DD`. */
export function localIsoDate(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
