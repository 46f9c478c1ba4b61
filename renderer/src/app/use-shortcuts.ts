import { useEffect } from 'react'

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)
}

export interface ShortcutHandlers {
  /** Alt+1…9: index 0…8. */
  goTo: (index: number) => void
  lock: () => void
  toggleHelp: () => void
}

/** Global shortcuts: Alt+1…9 navigate, Ctrl+L locks, `?` toggles the help (not while typing). */
export function useShortcuts(enabled: boolean, h: ShortcutHandlers): void {
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      const digit = /^Digit([1-9])$/.exec(e.code)
      if (e.altKey && !e.ctrlKey && !e.metaKey && digit) {
        e.preventDefault()
        h.goTo(Number(digit[1]) - 1)
      } else if ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyL') {
        e.preventDefault()
        h.lock()
      } else if (e.key === '?' && !e.ctrlKey && !e.altKey && !isEditable(e.target)) {
        e.preventDefault()
        h.toggleHelp()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled, h])
}
