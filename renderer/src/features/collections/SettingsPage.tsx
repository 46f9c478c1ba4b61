import { Alert, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core'
import type { CollectionSettings } from '@shared/api'
import { STEPS, STRATEGY_CLASSES, type Step } from '@shared/collections'
import { BUCKETS } from '@shared/domain'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useSaveSettings, useSettings } from './use-collections'

/** Contact hours, C-class reminder window, strategy table, scripts and the notice font. */
export function SettingsPage() {
  const { t } = useTranslation('collections')
  const q = useSettings()
  const save = useSaveSettings()
  const [s, setS] = useState<CollectionSettings | null>(null)
  useEffect(() => {
    if (q.data) setS(q.data)
  }, [q.data])
  const stepOptions = STEPS.map((x) => ({ value: x, label: t(`step_${x}`) }))
  return (
    <Stack>
      <PageHeader
        title={t('settings')}
        actions={
          <Button variant="default" onClick={() => navigate('/collections')}>
            {t('back')}
          </Button>
        }
      />
      {q.error && <ErrorAlert error={q.error} />}
      {s && (
        <>
          <Group>
            <TextInput
              label={t('hours')}
              value={s.contactHours}
              onChange={(e) => setS({ ...s, contactHours: e.currentTarget.value })}
              w={160}
            />
            <NumberInput
              label={t('dueSoonDays')}
              value={s.dueSoonDays}
              min={0}
              max={60}
              onChange={(v) => setS({ ...s, dueSoonDays: Number(v) || 0 })}
              w={220}
            />
            <TextInput
              label={t('fontPath')}
              value={s.fontPath}
              onChange={(e) => setS({ ...s, fontPath: e.currentTarget.value })}
              w={420}
            />
          </Group>
          <Card withBorder>
            <Text fw={500} mb="xs">
              {t('strategy')}
            </Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('class')}</Table.Th>
                  {BUCKETS.map((b) => (
                    <Table.Th key={b}>{b}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {STRATEGY_CLASSES.map((c) => (
                  <Table.Tr key={c}>
                    <Table.Td>{c === '-' ? t('unclassified') : c}</Table.Td>
                    {BUCKETS.map((b) => (
                      <Table.Td key={b}>
                        <Select
                          size="xs"
                          allowDeselect={false}
                          data={stepOptions}
                          value={s.strategy[c][b]}
                          aria-label={`${c} ${b}`}
                          onChange={(v) =>
                            setS({
                              ...s,
                              strategy: { ...s.strategy, [c]: { ...s.strategy[c], [b]: (v ?? 'none') as Step } },
                            })
                          }
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder>
            <Text fw={500} mb="xs">
              {t('scripts')}
            </Text>
            {STEPS.filter((x) => x !== 'none').map((x) => (
              <Textarea
                key={x}
                label={t(`step_${x}`)}
                autosize
                minRows={2}
                value={s.scripts[x]}
                onChange={(e) => setS({ ...s, scripts: { ...s.scripts, [x]: e.currentTarget.value } })}
              />
            ))}
          </Card>
          <Group>
            <Button loading={save.loading} onClick={() => void save.mutate(s).then(setS, () => undefined)}>
              {t('save')}
            </Button>
            {save.data && (
              <Alert color="green" py={4}>
                {t('saved')}
              </Alert>
            )}
          </Group>
          {save.error && <ErrorAlert error={save.error} />}
        </>
      )}
    </Stack>
  )
}
