import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { downloadBase64 } from '../../app/download'

/** 导出 Excel and 打印 of one report: the export downloads the file its call returns; failures show through the caller's mutation error. */
export function ExportPrintButtons({
  ready,
  exporting,
  onExport,
}: {
  ready: boolean
  exporting: boolean
  onExport: () => Promise<{ fileName: string; contentBase64: string }>
}) {
  const { t } = useTranslation('reports')
  return (
    <Group gap="xs" className="print-actions">
      <Button
        variant="default"
        disabled={!ready}
        loading={exporting}
        onClick={() =>
          void onExport().then(
            (o) => downloadBase64(o.fileName, o.contentBase64),
            () => undefined,
          )
        }
      >
        {t('export')}
      </Button>
      <Button variant="default" disabled={!ready} onClick={() => window.print()}>
        {t('print')}
      </Button>
    </Group>
  )
}
