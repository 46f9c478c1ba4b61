import { pinyin } from 'pinyin-pro'

const cache = new Map<string, string>()

/** Pinyin initials for search: 张三丰 → 'zsf' (surname-aware: 单 → s, 曾 → z); latin kept, lower-cased. */
export function nameInitials(name: string): string {
  let v = cache.get(name)
  if (v === undefined) {
    v = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
    if (cache.size > 50_000) cache.clear()
    cache.set(name, v)
  }
  return v
}
