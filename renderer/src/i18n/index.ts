import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { zhCN } from './zh-CN'
import { namespaces, type Namespaces } from './namespaces'

/** Languages the UI offers; zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'daihou.lang'

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

/** One language's dictionaries of every feature namespace. */
function pick(lang: 'zh' | 'en'): Record<string, object> {
  return Object.fromEntries(Object.entries(namespaces).map(([ns, d]) => [ns, (d as Record<'zh' | 'en', object>)[lang]]))
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof zhCN } & { [K in keyof Namespaces]: Namespaces[K]['zh'] }
  }
}

void i18next.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN, ...pick('zh') },
    en: { translation: en, ...pick('en') },
  },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
})

document.documentElement.lang = i18next.language
document.title = i18next.t('app.name')

/** Switches the UI language and remembers it for next time. */
export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang)
  document.documentElement.lang = lang
  document.title = i18next.t('app.name')
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // storage may be unavailable; the switch still applies for this page
  }
}

/** The current UI language. */
export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'zh-CN'
}

export { i18next }
