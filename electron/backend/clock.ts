import { localDate } from '../../shared/domain'

export { localDate }

/** Start of a local calendar day (+ `plusDays`) as a UTC ISO timestamp, for filtering stored timestamps. */
export function localDayStartUtc(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + plusDays).toISOString()
}
