import { useEffect, useRef } from 'react'
import { api } from '../../api/client'

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const
const HEARTBEAT_MS = 60_000

/**
 * Locks after `minutes` without mouse/keyboard activity. While the user is active it pings
 * the backend once a minute, because the server locks a session by the time since its last
 * call — someone typing a long form for 10 minutes must not find it locked on submit.
 */
export function useIdleLock(minutes: number, locked: boolean, lock: () => void): void {
  const lastActivity = useRef(Date.now())
  const lastPing = useRef(Date.now())

  useEffect(() => {
    if (locked || minutes <= 0) return
    lastActivity.current = Date.now()
    const onActivity = () => {
      lastActivity.current = Date.now()
    }
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true })
    const timer = window.setInterval(() => {
      const now = Date.now()
      if (now - lastActivity.current >= minutes * 60_000) {
        lock()
        return
      }
      if (lastActivity.current > lastPing.current && now - lastPing.current >= HEARTBEAT_MS) {
        lastPing.current = now
        api.call('auth.me', {}).catch(() => undefined) // errors reach the shell through session events
      }
    }, 5_000)
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity)
      window.clearInterval(timer)
    }
  }, [minutes, locked, lock])
}
