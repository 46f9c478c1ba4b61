import { Button, Code, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../app/format'
import { ErrorAlert } from '../../components/ErrorAlert'
import { IconPrinter } from '../../components/icons'
import { useAuditAnchor } from './use-audit'

/** Splits a hash into 8-character groups so it can be copied by hand without losing one's place. */
function grouped(hash: string): string {
  return hash.replace(/(.{8})(?=.)/g, '$1 ')
}

/** The audit chain head (count + hash) to write down or print; kept in a file beside the database too. */
export function AnchorPanel({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation('audit')
  const anchor = useAuditAnchor()
  const { refetch } = anchor
  useEffect(() => {
    if (refreshKey > 0) void refetch() // after a verify, show the head it checked
  }, [refreshKey, refetch])
  if (anchor.error) return <ErrorAlert error={anchor.error} />
  const head = anchor.data?.current
  return (
    <Paper withBorder radius="md" p="md" data-testid="audit-anchor" className="print-area">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={4}>{t('anchor.title')}</Title>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPrinter size={14} />}
          onClick={() => window.print()}
          className="no-print"
        >
          {t('anchor.print')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('anchor.hint')}
      </Text>
      {!head ? (
        <Skeleton h={60} />
      ) : (
        <Stack gap={6}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <Text size="sm">
              {t('anchor.count')}：<b data-testid="anchor-count">{head.count}</b>
            </Text>
            <Text size="sm">
              {t('anchor.at')}：{formatDateTime(head.at)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('anchor.file', { name: anchor.data?.fileName })}
            </Text>
          </SimpleGrid>
          <Text size="sm">
            {t('anchor.hash')}：
            {head.hash ? (
              <Code fz="sm" data-testid="anchor-hash">
                {grouped(head.hash)}
              </Code>
            ) : (
              t('anchor.none')
            )}
          </Text>
          {anchor.data?.file && anchor.data.file.count !== head.count && (
            <Text size="xs" c="dimmed">
              {t('anchor.fileBehind', { count: anchor.data.file.count })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  )
}
