import { useTranslation } from 'react-i18next'
import { localDate } from '@shared/domain/dates'
import {
  Badge,
  Button,
  FileButton,
  Group,
  Image,
  Modal,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { api } from '../../api/client'
import { toApiError, useQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { downloadBase64, fileToBase64 } from '../../app/download'
import { hashParams } from '../../app/router'

// The user's calendar day, not UTC: before 08:00 in China the UTC date is still yesterday.
const today = () => localDate(new Date())
const MIMES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const

async function run<T>(fn: () => Promise<T>, ok?: (v: T) => string): Promise<T | undefined> {
  try {
    const v = await fn()
    if (ok) notifications.show({ color: 'teal', message: ok(v) })
    return v
  } catch (e) {
    notifications.show({ color: 'red', message: toApiError(e).message })
    return undefined
  }
}

/** Loan file view: completeness, checklist, scans (attach, preview, verify), borrowing register. */
export function FilePage() {
  const { t } = useTranslation('archives')
  const id = Number(hashParams().get('id') ?? 0)
  const { data, error, refetch } = useQuery('archives.get', { id, asOf: today() }, { enabled: id > 0 })
  const approvers = useQuery('archives.approvers', {})
  const [lendOpen, setLendOpen] = useState(false)
  const [lend, setLend] = useState({ borrowerName: '', purpose: '', approverId: '', lentOn: today(), dueBack: '' })
  const [preview, setPreview] = useState<{ src: string; name: string } | null>(null)
  const [hold, setHold] = useState<string | null>(null)
  if (error) return <ErrorAlert error={error} />
  if (!data) return <Text c="dimmed">{t('loading')}</Text>
  const f = data.file

  const attach = async (file: File | null, itemId?: number) => {
    if (!file) return
    const mime = MIMES.find((m) => m === file.type)
    if (!mime) return notifications.show({ color: 'red', message: `${file.name}: JPEG/PNG/WebP/PDF` })
    await run(
      async () =>
        api.call('archives.attach', {
          fileId: f.id,
          itemId,
          filename: file.name,
          mime,
          contentBase64: await fileToBase64(file),
        }),
      (r) => t('attached', { name: file.name }) + (r.deduplicated ? t('deduplicated') : ''),
    )
    await refetch()
  }
  const show = async (sha256: string, name: string) => {
    const s = await run(() => api.call('archives.scan', { sha256 }))
    if (!s) return
    if (s.mime === 'application/pdf')
      downloadBase64(name, s.contentBase64, s.mime) // PDFs open outside (strict CSP: no frames)
    else setPreview({ src: `data:${s.mime};base64,${s.contentBase64}`, name })
  }
  const item = async (
    itemId: number,
    patch: { state: 'present' | 'missing' | 'na'; original?: boolean | null; pages?: number | null },
  ) => {
    await run(() => api.call('archives.updateItem', { itemId, ...patch }))
    await refetch()
  }
  const open = data.lendings.find((l) => !l.returnedOn)

  return (
    <Stack>
      <PageHeader
        title={`${t('fileNo')} ${f.fileNo}`}
        subtitle={`${f.borrowerName} · ${t('contractNo')} ${f.contractNo}`}
        actions={
          <>
            <Button
              variant="default"
              onClick={() =>
                void run(
                  () => api.call('archives.verifyScans', { fileId: f.id }),
                  (r) => (r.broken.length ? t('verifyBad', { n: r.broken.length }) : t('verifyOk', { n: r.checked })),
                )
              }
            >
              {t('verify')}
            </Button>
            {!f.legalHold && f.status !== 'destroyed' && (
              <Button variant="default" color="red" onClick={() => setHold('')}>
                {t('placeHold')}
              </Button>
            )}
            {f.legalHold && (
              <Button
                variant="default"
                onClick={() =>
                  void run(
                    () => api.call('archives.releaseHold', { fileId: f.id }),
                    () => t('releaseHold'),
                  ).then(() => refetch())
                }
              >
                {t('releaseHold')}
              </Button>
            )}
            {f.status === 'in_store' && <Button onClick={() => setLendOpen(true)}>{t('lend')}</Button>}
          </>
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={5}>
          <div>
            <Text size="xs" c="dimmed">
              {t('status')}
            </Text>
            <Badge data-testid="file-status" color={f.status === 'lent' ? 'orange' : 'teal'}>
              {t(f.status)}
            </Badge>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('location')}
            </Text>
            <Text size="sm">{f.location ?? '—'}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('keeper')}
            </Text>
            <Text size="sm">{f.keeperName}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('retention')}
            </Text>
            <Text size="sm">{f.retentionUntil ?? '—'}</Text>
            {f.legalHold && <Badge color="red">{t('legalHold')}</Badge>}
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('completeness')}
            </Text>
            <Text size="sm" data-testid="completeness">
              {f.completeness}%
            </Text>
            <Progress value={f.completeness} />
          </div>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{t('checklist')}</Text>
          <FileButton onChange={(x) => void attach(x)} accept={MIMES.join(',')}>
            {(p) => (
              <Button variant="default" size="xs" {...p}>
                {t('attach')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('item')}</Table.Th>
              <Table.Th>{t('state')}</Table.Th>
              <Table.Th>{t('original')}</Table.Th>
              <Table.Th>{t('pages')}</Table.Th>
              <Table.Th>{t('scan')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((i) => (
              <Table.Tr key={i.id} data-testid={`item-${i.code}`}>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={110}
                    aria-label={`${i.name} ${t('state')}`}
                    allowDeselect={false}
                    data={[
                      { value: 'present', label: t('present') },
                      { value: 'missing', label: t('absent') },
                      { value: 'na', label: t('na') },
                    ]}
                    value={i.state}
                    onChange={(x) => void item(i.id, { state: (x ?? 'missing') as 'present' })}
                  />
                </Table.Td>
                <Table.Td>
                  {i.state === 'present' && (
                    <Select
                      size="xs"
                      w={100}
                      aria-label={`${i.name} ${t('original')}`}
                      data={[
                        { value: '1', label: t('original') },
                        { value: '0', label: t('copy') },
                      ]}
                      value={i.original === null ? null : i.original ? '1' : '0'}
                      onChange={(x) => void item(i.id, { state: 'present', original: x === null ? null : x === '1' })}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  {i.state === 'present' && (
                    <NumberInput
                      size="xs"
                      w={80}
                      min={0}
                      aria-label={`${i.name} ${t('pages')}`}
                      defaultValue={i.pages ?? undefined}
                      onBlur={(e) =>
                        void item(i.id, {
                          state: 'present',
                          pages: e.currentTarget.value === '' ? null : Number(e.currentTarget.value),
                        })
                      }
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {i.scanSha256 && (
                      <Button size="compact-xs" variant="light" onClick={() => void show(i.scanSha256!, i.name)}>
                        {t('preview')}
                      </Button>
                    )}
                    <FileButton onChange={(x) => void attach(x, i.id)} accept={MIMES.join(',')}>
                      {(p) => (
                        <Button size="compact-xs" variant="subtle" aria-label={`${i.name} ${t('attach')}`} {...p}>
                          {t('attach')}
                        </Button>
                      )}
                    </FileButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data.attachments
          .filter((a) => a.itemId === null)
          .map((a) => (
            <Button
              key={a.id}
              size="compact-xs"
              variant="light"
              mt="xs"
              mr="xs"
              onClick={() => void show(a.sha256, a.filename)}
            >
              {a.filename}
            </Button>
          ))}
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="sm">
          {t('lendings')}
        </Text>
        <Table striped data-testid="lendings">
          {data.lendings.length > 0 && (
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('borrowerName')}</Table.Th>
                <Table.Th>{t('purpose')}</Table.Th>
                <Table.Th>{t('approver')}</Table.Th>
                <Table.Th>{t('lentPeriod')}</Table.Th>
                <Table.Th>{t('state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
          )}
          <Table.Tbody>
            {data.lendings.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.borrowerName}</Table.Td>
                <Table.Td>{l.purpose}</Table.Td>
                <Table.Td>{l.approverName}</Table.Td>
                <Table.Td>
                  {l.lentOn} → {l.dueBack}
                </Table.Td>
                <Table.Td>
                  {l.returnedOn ? (
                    `${t('returned')} ${l.returnedOn}`
                  ) : l.overdue ? (
                    <Badge color="red">{t('overdue')}</Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {!l.returnedOn && (
                    <Button
                      size="compact-sm"
                      onClick={() =>
                        void run(
                          () =>
                            api.call('archives.return', {
                              lendingId: l.id,
                              returnedOn: today(),
                              condition: t('conditionIntact'),
                            }),
                          () => t('returned'),
                        ).then(() => refetch())
                      }
                    >
                      {t('returnBtn')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!open && data.lendings.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('none')}
          </Text>
        )}
      </Paper>
      <Modal opened={lendOpen} onClose={() => setLendOpen(false)} title={t('lendTitle')} centered>
        <Stack>
          <TextInput
            label={t('borrowerName')}
            value={lend.borrowerName}
            onChange={(e) => setLend({ ...lend, borrowerName: e.currentTarget.value })}
          />
          <TextInput
            label={t('purpose')}
            value={lend.purpose}
            onChange={(e) => setLend({ ...lend, purpose: e.currentTarget.value })}
          />
          <Select
            label={t('approver')}
            data={(approvers.data ?? []).map((a) => ({ value: String(a.id), label: a.displayName }))}
            value={lend.approverId || null}
            onChange={(x) => setLend({ ...lend, approverId: x ?? '' })}
          />
          <Group grow>
            <TextInput
              label={t('lentOn')}
              value={lend.lentOn}
              onChange={(e) => setLend({ ...lend, lentOn: e.currentTarget.value })}
            />
            <TextInput
              label={t('dueBack')}
              value={lend.dueBack}
              placeholder="YYYY-MM-DD"
              onChange={(e) => setLend({ ...lend, dueBack: e.currentTarget.value })}
            />
          </Group>
          <Button
            onClick={async () => {
              const r = await run(
                () =>
                  api.call('archives.lend', {
                    fileId: f.id,
                    borrowerName: lend.borrowerName,
                    purpose: lend.purpose,
                    approverId: Number(lend.approverId),
                    lentOn: lend.lentOn,
                    dueBack: lend.dueBack,
                  }),
                () => t('lend'),
              )
              if (r) {
                setLendOpen(false)
                await refetch()
              }
            }}
          >
            {t('lend')}
          </Button>
        </Stack>
      </Modal>
      <Modal opened={hold !== null} onClose={() => setHold(null)} title={t('placeHold')} centered>
        <Stack>
          <TextInput
            data-autofocus
            label={t('holdReason')}
            value={hold ?? ''}
            onChange={(e) => setHold(e.currentTarget.value)}
          />
          <Button
            color="red"
            disabled={(hold ?? '').trim().length < 2}
            onClick={async () => {
              const r = await run(
                () => api.call('archives.placeHold', { fileId: f.id, reason: hold ?? '' }),
                () => t('placeHold'),
              )
              if (r) {
                setHold(null)
                await refetch()
              }
            }}
          >
            {t('placeHold')}
          </Button>
        </Stack>
      </Modal>
      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={preview?.name} size="xl" centered>
        {preview && <Image src={preview.src} alt={preview.name} data-testid="scan-preview" />}
      </Modal>
    </Stack>
  )
}
