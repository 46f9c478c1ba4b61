import {
  Alert,
  Button,
  EmptyState,
  Group,
  Loader,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { type AuditEntryView, contract, METHOD_NAMES, type MethodName } from '@shared/api'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../app/format'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ForbiddenPage } from '../../components/ForbiddenPage'
import { IconCheck, IconInbox, IconShield } from '../../components/icons'
import { PageHeader } from '../../components/PageHeader'
import { AnchorPanel } from './AnchorPanel'
import { VerifyDetails } from './VerifyDetails'
import { type AuditFilters, useAuditLog, useVerifyAudit } from './use-audit'

const EMPTY: AuditFilters = { username: '', method: '', from: null, to: null }
const AREAS = [...new Set(METHOD_NAMES.map((m) => m.split('.')[0] ?? ''))]

function methodSummary(method: string): string | undefined {
  return (contract as Record<string, { summary: string } | undefined>)[method as MethodName]?.summary
}

/** People-readable cells of one entry: who (display name), what (the method's label), on what (the entity's label). */
function useLabels() {
  const { t, i18n } = useTranslation('audit')
  const zh = i18n.language !== 'en'
  const entities = t('entities', { returnObjects: true }) as Record<string, string>
  return {
    whoHeader: t('who'),
    who: (e: AuditEntryView) => e.displayName ?? e.username ?? t('systemUser'),
    // zh-CN: the contract's label per method; English keeps the method name (English is what it is).
    what: (e: AuditEntryView) => (zh ? (methodSummary(e.method) ?? t('otherEntity')) : e.method),
    on: (e: AuditEntryView) => entities[e.entity] ?? t('otherEntity'),
    no: (e: AuditEntryView) => (e.entityId ? t('entityNo', { id: e.entityId }) : ''),
    // The operation filter: each area (prefix match) then each method, by label.
    methodOptions: [
      ...AREAS.map((a) => ({ value: `${a}.`, label: t('areaAll', { area: entities[a] ?? a }) })),
      ...METHOD_NAMES.map((m) => ({ value: m, label: zh ? (methodSummary(m) ?? m) : m })),
    ],
  }
}

/** 审计日志: filter, page with "load more", and verify the hash chain. */
export function AuditPage() {
  const { t } = useTranslation()
  const label = useLabels()
  const [filters, setFilters] = useState<AuditFilters>(EMPTY)
  const log = useAuditLog(filters)
  const verify = useVerifyAudit()
  const form = useForm({ initialValues: EMPTY })

  const [verified, setVerified] = useState(0)

  if (log.error?.code === 'FORBIDDEN') {
    return <ForbiddenPage title={t('audit.title')} error={log.error} />
  }

  const runVerify = () => {
    verify
      .mutate({})
      .then(() => setVerified((n) => n + 1))
      .catch(() => undefined)
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <Button variant="light" leftSection={<IconShield size={16} />} loading={verify.loading} onClick={runVerify}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.error && <ErrorAlert error={verify.error} />}
      {verify.data &&
        (verify.data.ok ? (
          <Alert
            color="teal"
            variant="light"
            icon={<IconCheck size={20} />}
            title={t('audit.verifyOkTitle')}
            data-testid="verify-result"
            withCloseButton
            onClose={verify.reset}
          >
            {t('audit.verifyOk', { count: verify.data.checked })}
            <VerifyDetails result={verify.data} />
          </Alert>
        ) : (
          <Alert
            color="red"
            variant="filled"
            title={t('audit.verifyBrokenTitle')}
            data-testid="verify-result"
            withCloseButton
            onClose={verify.reset}
          >
            {verify.data.firstBrokenId !== null &&
              t('audit.verifyBroken', { id: verify.data.firstBrokenId, reason: verify.data.reason ?? '' })}
            <VerifyDetails result={verify.data} />
          </Alert>
        ))}
      <AnchorPanel refreshKey={verified} />

      <Paper withBorder radius="md" p="md">
        <form onSubmit={form.onSubmit((v) => setFilters({ ...v }))} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('audit.user')}
              placeholder={t('audit.userPlaceholder')}
              w={160}
              {...form.getInputProps('username')}
            />
            <Select
              label={t('audit.method')}
              placeholder={t('audit.methodPlaceholder')}
              data={label.methodOptions}
              searchable
              clearable
              limit={30}
              w={240}
              value={form.values.method || null}
              onChange={(v) => form.setFieldValue('method', v ?? '')}
            />
            <DateInput
              label={t('audit.from')}
              valueFormat="YYYY-MM-DD"
              placeholder="YYYY-MM-DD"
              clearable
              w={150}
              {...form.getInputProps('from')}
            />
            <DateInput
              label={t('audit.to')}
              valueFormat="YYYY-MM-DD"
              placeholder="YYYY-MM-DD"
              clearable
              w={150}
              {...form.getInputProps('to')}
            />
            <Button type="submit">{t('audit.search')}</Button>
            <Button
              variant="default"
              onClick={() => {
                form.setValues(EMPTY)
                setFilters(EMPTY)
              }}
            >
              {t('audit.clear')}
            </Button>
          </Group>
        </form>
      </Paper>

      {log.error && <ErrorAlert error={log.error} onRetry={() => void log.reload()} />}

      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" horizontalSpacing="md" striped highlightOnHover data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>#</Table.Th>
                <Table.Th w={170}>{t('audit.time')}</Table.Th>
                <Table.Th w={120}>{label.whoHeader}</Table.Th>
                <Table.Th w={190}>{t('audit.method')}</Table.Th>
                <Table.Th w={110}>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.summary')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!log.loaded && log.loading
                ? [0, 1, 2, 3].map((i) => (
                    <Table.Tr key={i}>
                      {[0, 1, 2, 3, 4, 5].map((j) => (
                        <Table.Td key={j}>
                          <Skeleton h={14} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))
                : log.entries.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td c="dimmed">{e.id}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                      <Table.Td title={e.username ?? undefined}>{label.who(e)}</Table.Td>
                      <Table.Td title={e.method}>
                        <Text size="sm">{label.what(e)}</Text>
                      </Table.Td>
                      <Table.Td title={label.no(e)}>
                        <Text size="sm">{label.on(e)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ wordBreak: 'break-all' }}>
                          {e.summary}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {log.loaded && log.entries.length === 0 && (
          <EmptyState
            py="xl"
            icon={<IconInbox size={28} />}
            withIndicatorBackground
            title={t('audit.empty')}
            description={t('audit.emptyHint')}
          />
        )}
        {log.loaded && log.entries.length > 0 && (
          <Group justify="center" p="md">
            {log.hasMore ? (
              <Button variant="default" loading={log.loading} onClick={() => void log.loadMore()}>
                {t('audit.loadMore')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {log.loading ? <Loader size="xs" /> : t('audit.end', { count: log.entries.length })}
              </Text>
            )}
          </Group>
        )}
      </Paper>
    </Stack>
  )
}
