import { Alert, Button, Checkbox, Code, Group, Stack } from '@mantine/core'
import { useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../app/format'

// Printing shows only the A4 sheet: it is a direct child of <body>, everything else is hidden.
const PRINT_CSS = `
@media screen { .dh-recovery-print { display: none; } }
@media print {
  @page { size: A4; margin: 20mm; }
  body > :not(.dh-recovery-print) { display: none !important; }
  .dh-recovery-print { display: block; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #000; }
  .dh-recovery-print h1 { font-size: 20pt; margin: 0 0 8mm; }
  .dh-recovery-print p { font-size: 11pt; line-height: 1.7; margin: 0 0 4mm; }
  .dh-recovery-print .key { font: 600 17pt/1.6 "Noto Sans Mono CJK SC", "Consolas", monospace; letter-spacing: 1.5pt;
    border: 1.5pt solid #000; padding: 6mm; margin: 8mm 0; text-align: center; }
}
`

/**
 * Shows the recovery key once, with a print view (A4), and lets the user go on only after
 * confirming it was printed or copied.
 */
export function RecoveryKeySheet({
  recoveryKey,
  org,
  createdAt,
  onDone,
}: {
  recoveryKey: string
  org: string
  createdAt: string
  onDone: () => void
}) {
  const { t } = useTranslation('unlock')
  const [ack, setAck] = useState(false)
  const groups = recoveryKey.split('-')
  return (
    <Stack gap="md">
      <style>{PRINT_CSS}</style>
      <Alert color="orange" variant="light">
        {t('sheetIntro')}
      </Alert>
      <Code block fz={20} ta="center" data-testid="recovery-key" style={{ letterSpacing: 1, wordSpacing: 6 }}>
        {groups.slice(0, 7).join('-')}
        {'\n'}
        {groups.slice(7).join('-')}
      </Code>
      <Checkbox label={t('acknowledged')} checked={ack} onChange={(e) => setAck(e.currentTarget.checked)} />
      <Group justify="space-between">
        <Button variant="light" onClick={() => window.print()}>
          {t('print')}
        </Button>
        <Button disabled={!ack} onClick={onDone}>
          {t('continue')}
        </Button>
      </Group>
      {createPortal(
        <div className="dh-recovery-print">
          <h1>{t('printTitle')}</h1>
          <p>{t('printOrg', { org })}</p>
          <p>{t('printDate', { date: formatDateTime(createdAt) })}</p>
          <div className="key">
            {groups.slice(0, 7).join('-')}
            <br />
            {groups.slice(7).join('-')}
          </div>
          <p>{t('printUse')}</p>
          <p>{t('printKeep')}</p>
          <p style={{ marginTop: '16mm' }}>{t('printSign')}</p>
        </div>,
        document.body,
      )}
    </Stack>
  )
}
