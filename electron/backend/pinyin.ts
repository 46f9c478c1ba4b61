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

const fullCache = new Map<string, string>()

/** Full toneless pinyin for search: 王静 → 'wangjing', 吕 → 'lv' (as typed on a keyboard); surname-aware like nameInitials. */
export function fullPinyin(name: string): string {
  let v = fullCache.get(name)
  if (v === undefined) {
    v = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
    if (fullCache.size > 50_000) fullCache.clear()
    fullCache.set(name, v)
  }
  return v
}
