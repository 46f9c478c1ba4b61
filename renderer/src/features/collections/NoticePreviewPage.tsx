import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { NoticeDocument } from '@shared/api'
import { NOTICE_WORDING as W } from '@shared/collections'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { AmountsTable, NoticeHead, NoticeTail, ReceiptBody } from './notice-text'
import { downloadPdf, useHashParams, useNoticeDoc, usePdf } from './use-collections'

/** On-screen preview of one notice (an A4 sheet) with its tear-off 回执; the PDF is what prints. */
export function NoticePreviewPage() {
  const { t } = useTranslation('collections')
  const id = Number(useHashParams().get('id') ?? 0)
  const q = useNoticeDoc(id)
  const pdf = usePdf()
  const n = q.data
  return (
    <Stack>
      <PageHeader
        title={t('previewTitle')}
        subtitle={t('previewHint')}
        actions={
          <Group>
            {n && n.status !== 'voided' && (
              <Button
                loading={pdf.loading}
                onClick={() => void pdf.mutate({ noticeIds: [id] }).then(downloadPdf, () => undefined)}
              >
                {t('printPdf')}
              </Button>
            )}
            <Button
              variant="default"
              onClick={() => (n ? navigate(`/collections/loan?id=${n.loanId}`) : navigate('/collections'))}
            >
              {t('back')}
            </Button>
          </Group>
        }
      />
      {(q.error ?? pdf.error) && <ErrorAlert error={(q.error ?? pdf.error)!} />}
      {n && <Sheet n={n} />}
    </Stack>
  )
}

function Sheet({ n }: { n: NoticeDocument }) {
  const { t } = useTranslation('collections')
  return (
    <Paper
      withBorder
      shadow="sm"
      p={48}
      w={794}
      mx="auto"
      data-testid="notice-sheet"
      style={{ fontFamily: 'serif', minHeight: 1123 }}
    >
      <Title order={2} ta="center" style={{ letterSpacing: 4 }}>
        {n.addressee === 'guarantor' ? W.titleGuarantor : W.title}
      </Title>
      <Text ta="right" size="sm">
        {n.noticeNo}
        {n.litigationOn ? ` · ${t('litigation')} ${n.litigationOn}` : ''}
      </Text>
      <NoticeHead n={n} />
      <AmountsTable n={n} />
      <NoticeTail n={n} />
      <ReceiptBody n={n} />
    </Paper>
  )
}
