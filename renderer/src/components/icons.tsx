import type { SVGProps } from 'react'

/** Small stroke icons (tabler style), inlined so the app needs no icon package. */
function Icon({ d, size = 18, ...rest }: { d: string[]; size?: number } & Omit<SVGProps<SVGSVGElement>, 'd'>) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...rest}
    >
      {d.map((p) => (
        <path key={p} d={p} />
      ))}
    </svg>
  )
}

type P = { size?: number }
export const IconHome = (p: P) => (
  <Icon {...p} d={['M5 12H3l9-9 9 9h-2', 'M5 12v7a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-7', 'M9 21v-6h6v6']} />
)
export const IconUsers = (p: P) => (
  <Icon
    {...p}
    d={[
      'M9 7m-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0',
      'M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2',
      'M16 3.13a4 4 0 0 1 0 7.75',
      'M21 21v-2a4 4 0 0 0-3-3.85',
    ]}
  />
)
export const IconAudit = (p: P) => (
  <Icon
    {...p}
    d={['M14 3v4a1 1 0 0 0 1 1h4', 'M17 21H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h7l5 5v11a2 2 0 0 1-2 2z', 'M9 13l2 2 4-4']}
  />
)
export const IconLock = (p: P) => (
  <Icon
    {...p}
    d={['M5 13a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-6z', 'M8 11V7a4 4 0 1 1 8 0v4']}
  />
)
export const IconLogout = (p: P) => (
  <Icon
    {...p}
    d={['M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2', 'M9 12h12l-3-3', 'M18 15l3-3']}
  />
)
export const IconKeyboard = (p: P) => (
  <Icon
    {...p}
    d={[
      'M2 8a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2z',
      'M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10',
    ]}
  />
)
export const IconShield = (p: P) => (
  <Icon {...p} d={['M12 3a12 12 0 0 0 8.5 3A12 12 0 0 1 12 21 12 12 0 0 1 3.5 6 12 12 0 0 0 12 3']} />
)
export const IconPlus = (p: P) => <Icon {...p} d={['M12 5v14', 'M5 12h14']} />
export const IconAlert = (p: P) => (
  <Icon
    {...p}
    d={[
      'M12 9v4',
      'M10.36 3.6 2.5 17.2a1.9 1.9 0 0 0 1.64 2.8h15.72a1.9 1.9 0 0 0 1.64-2.8L13.64 3.6a1.9 1.9 0 0 0-3.28 0z',
      'M12 16h.01',
    ]}
  />
)
export const IconInbox = (p: P) => <Icon {...p} d={['M4 4h16v16H4z', 'M4 13h3l3 3h4l3-3h3']} />
export const IconBuilding = (p: P) => (
  <Icon {...p} d={['M3 21h18', 'M5 21V7l8-4v18', 'M19 21V11l-6-4', 'M9 9v.01M9 12v.01M9 15v.01M9 18v.01']} />
)
export const IconCheck = (p: P) => <Icon {...p} d={['M5 12l5 5L20 7']} />
export const IconCalculator = (p: P) => (
  <Icon
    {...p}
    d={[
      'M6 3h12a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
      'M8 7h8v3H8z',
      'M8 14h.01',
      'M12 14h.01',
      'M16 14h.01',
      'M8 17h.01',
      'M12 17h.01',
      'M16 17h.01',
    ]}
  />
)
export const IconPrinter = (p: P) => (
  <Icon
    {...p}
    d={[
      'M17 17h2a2 2 0 0 0 2-2v-4a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v4a2 2 0 0 0 2 2h2',
      'M17 9V5a2 2 0 0 0-2-2H9a2 2 0 0 0-2 2v4',
      'M7 13h10v8H7z',
    ]}
  />
)
export const IconDownload = (p: P) => (
  <Icon {...p} d={['M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2', 'M7 11l5 5 5-5', 'M12 4v12']} />
)
export const IconArchive = (p: P) => (
  <Icon {...p} d={['M3 4h18v4H3z', 'M5 8v11a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8', 'M10 12h4']} />
)
export const IconChart = (p: P) => <Icon {...p} d={['M3 3v18h18', 'M8 17V11', 'M12 17V7', 'M16 17v-4', 'M20 17V9']} />
