import { useTranslation } from 'react-i18next'
import { localDate } from '@shared/domain/dates'
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { api } from '../../api/client'
import { toApiError, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { DestructionPanel } from './DestructionPanel'

// The user's calendar day, not UTC: before 08:00 in China the UTC date is still yesterday.
const today = () => localDate(new Date())

/** Archivist workbench: register a file by contract no.; missing documents, lent/overdue, due for destruction. */
export function WorkbenchPage() {
  const { t } = useTranslation('archives')
  const [asOf, setAsOf] = useState(today())
  const { data, error, refetch } = useQuery(
    'archives.workbench',
    { asOf },
    { enabled: /^\d{4}-\d{2}-\d{2}$/.test(asOf) },
  )
  const [contractNo, setContractNo] = useState('')
  const [location, setLocation] = useState('')
  const [busy, setBusy] = useState(false)

  const register = async () => {
    setBusy(true)
    try {
      const hit = (await api.call('search.global', { q: contractNo.trim(), limit: 5 })).hits.find(
        (h) => h.type === 'loan' && h.matchText === contractNo.trim().toUpperCase(),
      )
      if (!hit) throw new Error(`${t('contractNo')} ${contractNo}: ${t('searchEmpty')}`)
      const f = await api.call('archives.register', { loanId: hit.id, location: location || undefined })
      notifications.show({ color: 'teal', message: t('registered', { fileNo: f.fileNo }) })
      navigate(`/archives/file?id=${f.id}`)
    } catch (e) {
      notifications.show({ color: 'red', message: toApiError(e).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack>
      <PageHeader title={t('workbench')} subtitle={t('workbenchSubtitle')} />
      <Paper withBorder p="md">
        <Text fw={600} mb={4}>
          {t('register')}
        </Text>
        <Text size="sm" c="dimmed" mb="sm">
          {t('registerHint')}
        </Text>
        <Group align="end">
          <TextInput
            label={t('contractNo')}
            value={contractNo}
            onChange={(e) => setContractNo(e.currentTarget.value)}
            w={220}
          />
          <TextInput
            label={t('location')}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            placeholder={t('locationHint')}
            w={200}
          />
          <Button loading={busy} disabled={!contractNo.trim()} onClick={() => void register()}>
            {t('registerBtn')}
          </Button>
        </Group>
      </Paper>
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      <Group align="end">
        <TextInput label={t('asOf')} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} w={140} />
      </Group>
      {data && (
        <>
          <SimpleGrid cols={3}>
            <Paper withBorder p="md">
              <Text c="dimmed" size="sm">
                {t('missing')}
              </Text>
              <Text fz={28} fw={700}>
                {data.missingTotal}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Text c="dimmed" size="sm">
                {t('lent')} / {t('overdue')}
              </Text>
              <Text fz={28} fw={700}>
                {data.lent.length} /{' '}
                <Text span c="red" inherit>
                  {data.overdueCount}
                </Text>
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Text c="dimmed" size="sm">
                {t('due')}
              </Text>
              <Text fz={28} fw={700}>
                {data.dueTotal}
              </Text>
            </Paper>
          </SimpleGrid>
          <Tabs defaultValue="lent">
            <Tabs.List>
              <Tabs.Tab value="lent">{t('lent')}</Tabs.Tab>
              <Tabs.Tab value="missing">{t('missing')}</Tabs.Tab>
              <Tabs.Tab value="due">{t('due')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="lent" pt="sm">
              <Table striped data-testid="workbench-lent">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fileNo')}</Table.Th>
                    <Table.Th>{t('borrowerName')}</Table.Th>
                    <Table.Th>{t('purpose')}</Table.Th>
                    <Table.Th>{t('lentPeriod')}</Table.Th>
                    <Table.Th>{t('state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.lent.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td>
                        <Anchor onClick={() => navigate(`/archives/file?id=${l.fileId}`)}>{l.fileNo}</Anchor>
                      </Table.Td>
                      <Table.Td>{l.borrowerName}</Table.Td>
                      <Table.Td>{l.purpose}</Table.Td>
                      <Table.Td>
                        {l.lentOn} → {l.dueBack}
                      </Table.Td>
                      <Table.Td>{l.overdue && <Badge color="red">{t('overdue')}</Badge>}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Tabs.Panel>
            <Tabs.Panel value="missing" pt="sm">
              <Table striped data-testid="workbench-missing">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fileNo')}</Table.Th>
                    <Table.Th>{t('loanBorrower')}</Table.Th>
                    <Table.Th>{t('missingItems')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.missing.map((m) => (
                    <Table.Tr key={m.fileId}>
                      <Table.Td>
                        <Anchor onClick={() => navigate(`/archives/file?id=${m.fileId}`)}>{m.fileNo}</Anchor>
                      </Table.Td>
                      <Table.Td>{m.borrowerName}</Table.Td>
                      <Table.Td>{m.missing.join('、')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Tabs.Panel>
            <Tabs.Panel value="due" pt="sm">
              <Table striped data-testid="workbench-due">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fileNo')}</Table.Th>
                    <Table.Th>{t('loanBorrower')}</Table.Th>
                    <Table.Th>{t('retention')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.dueForDestruction.map((f) => (
                    <Table.Tr key={f.id}>
                      <Table.Td>
                        <Anchor onClick={() => navigate(`/archives/file?id=${f.id}`)}>{f.fileNo}</Anchor>
                      </Table.Td>
                      <Table.Td>{f.borrowerName}</Table.Td>
                      <Table.Td>{f.retentionUntil}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <DestructionPanel
                asOf={asOf}
                dueIds={data.dueForDestruction.map((f) => f.id)}
                onChange={() => void refetch()}
              />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  )
}
