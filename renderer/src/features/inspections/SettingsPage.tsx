import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import type { Input } from '@shared/api'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'

type Settings = Input<'inspections.setSettings'>
const KEYS = [
  'firstCheckMinDays',
  'firstCheckMaxDays',
  'creditMonths',
  'guaranteeMonths',
  'largeGuaranteeMonths',
  'mortgageMonths',
  'pledgeMonths',
  'enterpriseMonths',
  'specialMentionMonths',
  'nonPerformingMonths',
  'collateralRevalueMonths',
  'specialCheckDays',
] as const

/** Inspection frequencies (DOMAIN §8 settings) and the loan-file checklist template (archives.setTemplate). */
export function SettingsPage() {
  const { t } = useTranslation('inspections')
  const can = useCan()
  const q = useQuery('inspections.settings', {})
  const save = useMutation('inspections.setSettings')
  const [s, setS] = useState<Settings | null>(null)
  useEffect(() => {
    if (q.data) setS(q.data)
  }, [q.data])
  return (
    <Stack>
      <PageHeader
        title={t('settings.title')}
        actions={
          <Button variant="default" onClick={() => navigate('/inspections')}>
            {t('form.back')}
          </Button>
        }
      />
      {q.error && <ErrorAlert error={q.error} />}
      {s && (
        <Paper
          withBorder
          p="md"
          component="form"
          onSubmit={(e) => {
            e.preventDefault()
            void save.mutate(s).catch(() => undefined)
          }}
        >
          <SimpleGrid cols={4}>
            {KEYS.map((k) => (
              <NumberInput
                key={k}
                label={t(`settings.${k}`)}
                value={s[k]}
                min={0}
                onChange={(v) => setS({ ...s, [k]: Number(v) || 0 })}
              />
            ))}
            <NumberInput
              label={t('settings.largeLoanFen')}
              value={s.largeLoanFen / 100}
              min={0}
              thousandSeparator=","
              onChange={(v) => setS({ ...s, largeLoanFen: Math.round(Number(v) || 0) * 100 })}
            />
          </SimpleGrid>
          <Group mt="md">
            <Button type="submit" loading={save.loading}>
              {t('settings.save')}
            </Button>
            {save.data && (
              <Text c="teal" size="sm">
                {t('settings.saved')}
              </Text>
            )}
          </Group>
          {save.error && <ErrorAlert error={save.error} />}
        </Paper>
      )}
      {can('archives.read') && <TemplateEditor />}
    </Stack>
  )
}

type Item = { code: string; name: string; active: boolean }

/** The archive checklist template per file category. */
function TemplateEditor() {
  const { t } = useTranslation('inspections')
  const can = useCan()
  const cats = useQuery('archives.categories', {})
  const save = useMutation('archives.setTemplate')
  const [cat, setCat] = useState('')
  const [items, setItems] = useState<Item[]>([])
  const current = cats.data?.find((c) => c.code === cat) ?? cats.data?.[0]
  useEffect(() => {
    if (current) {
      setCat(current.code)
      setItems(current.items.map((i) => ({ code: i.code, name: i.name, active: i.active })))
    }
  }, [current])
  const edit = (i: number, patch: Partial<Item>) =>
    setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)))
  return (
    <Paper withBorder p="md" data-testid="template-editor">
      <Title order={4} mb="sm">
        {t('settings.template')}
      </Title>
      {cats.error && <ErrorAlert error={cats.error} />}
      <NativeSelect
        label={t('settings.category')}
        w={240}
        value={cat}
        onChange={(e) => setCat(e.currentTarget.value)}
        data={(cats.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
      />
      <Table mt="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.code')}</Table.Th>
            <Table.Th>{t('settings.item')}</Table.Th>
            <Table.Th>{t('settings.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((it, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={t('settings.code')}
                  value={it.code}
                  onChange={(e) => edit(i, { code: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={t('settings.item')}
                  value={it.name}
                  onChange={(e) => edit(i, { name: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={t('settings.active')}
                  checked={it.active}
                  onChange={(e) => edit(i, { active: e.currentTarget.checked })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can('archives.approve') && (
        <Group mt="sm">
          <Button variant="light" onClick={() => setItems([...items, { code: '', name: '', active: true }])}>
            {t('settings.addItem')}
          </Button>
          <Button
            loading={save.loading}
            onClick={() =>
              void save.mutate({ category: cat, items }).then(
                () => cats.refetch(),
                () => undefined,
              )
            }
          >
            {t('settings.saveTemplate')}
          </Button>
          {save.data && (
            <Text c="teal" size="sm">
              {t('settings.saved')}
            </Text>
          )}
        </Group>
      )}
      {save.error && <ErrorAlert error={save.error} />}
    </Paper>
  )
}
