import { Badge, Button, Card, Group, NumberInput, Select, Stack, Switch, Table, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Output } from '@shared/api'
import { WARNING_LEVELS, type WarningLevel } from '@shared/risk'
import { localIsoDate } from '../../app/format'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { Money } from '../servicing/Money'
import { RiskNav } from './RiskNav'
import { useCircles, useLimitationBoard, useRules, useSetRules } from './use-risk'

/** 诉讼时效看板: loans by days left until the limitation ends (expired first). */
export function LimitationPage() {
  const { t } = useTranslation('risk')
  const [within, setWithin] = useState(365)
  const q = useLimitationBoard(localIsoDate(), within)
  return (
    <Stack>
      <PageHeader title={t('limitation')} />
      <RiskNav current="/risk/limitation" />
      <Group>
        <NumberInput
          w={120}
          value={within}
          onChange={(v) => setWithin(Number(v) || 0)}
          min={0}
          max={3650}
          rightSection={<Text size="xs">{t('withinDays')}</Text>}
          rightSectionWidth={70}
        />
      </Group>
      {q.error && <ErrorAlert error={q.error} />}
      <Table striped data-testid="limitation-board">
        <Table.Thead>
          <Table.Tr>
            {(['contractNo', 'borrower', 'officer', 'lastDue', 'lastRestart', 'expiry', 'daysLeft'] as const).map(
              (k) => (
                <Table.Th key={k}>{t(k)}</Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data?.map((r) => (
            <Table.Tr
              key={r.loanId}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/risk/loan?id=${r.loanId}`)}
            >
              <Table.Td>{r.contractNo}</Table.Td>
              <Table.Td>{r.borrowerName}</Table.Td>
              <Table.Td>{r.officerName ?? ''}</Table.Td>
              <Table.Td>{r.lastDueDate}</Table.Td>
              <Table.Td>{r.lastRestart ?? '—'}</Table.Td>
              <Table.Td>{r.expiry}</Table.Td>
              <Table.Td>
                <Badge
                  color={r.daysLeft < 0 ? 'red' : r.daysLeft <= 60 ? 'orange' : r.daysLeft <= 90 ? 'yellow' : 'gray'}
                  variant="light"
                >
                  {r.daysLeft}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

/** 担保圈: connected groups and mutual-guarantee cycles with exposure and overdue members. */
export function CirclesPage() {
  const { t } = useTranslation('risk')
  const q = useCircles()
  return (
    <Stack>
      <PageHeader title={t('circles')} />
      <RiskNav current="/risk/circles" />
      {q.error && <ErrorAlert error={q.error} />}
      <Table striped data-testid="circles">
        <Table.Thead>
          <Table.Tr>
            {(['members', 'cycles', 'exposure', 'overdueMembers'] as const).map((k) => (
              <Table.Th key={k}>{t(k)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data?.map((c, k) => (
            <Table.Tr key={k}>
              <Table.Td>
                {c.members.map((m) => (
                  <Badge key={m.borrowerId} mr={4} color={m.maxDpd > 0 ? 'red' : 'gray'} variant="light">
                    {m.name}
                    {m.maxDpd > 0 ? ` ${m.maxDpd}` : ''}
                  </Badge>
                ))}
              </Table.Td>
              <Table.Td>{c.cycles.length}</Table.Td>
              <Table.Td ta="right">
                <Money fen={c.exposure} />
              </Table.Td>
              <Table.Td>{c.overdueMembers}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

type Rule = Output<'risk.rules'>[number]

/** 预警规则: on/off, level and thresholds per rule (managers change them). */
export function RulesPage() {
  const { t } = useTranslation('risk')
  const can = useCan()
  const q = useRules()
  const save = useSetRules()
  const [rules, setRules] = useState<Rule[]>([])
  useEffect(() => {
    if (q.data) setRules(q.data)
  }, [q.data])
  const patch = (k: number, p: Partial<Rule>) => setRules((rs) => rs.map((r, j) => (j === k ? { ...r, ...p } : r)))
  return (
    <Stack>
      <PageHeader title={t('settings')} />
      <RiskNav current="/risk/settings" />
      {q.error && <ErrorAlert error={q.error} />}
      <Card withBorder>
        <Table data-testid="rules">
          <Table.Thead>
            <Table.Tr>
              {(['rule', 'enabled', 'level', 'params'] as const).map((k) => (
                <Table.Th key={k}>{t(k)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((r, k) => (
              <Table.Tr key={r.rule}>
                <Table.Td>
                  {t(`rules.${r.rule}`)}
                  {!r.hasSource && (
                    <Text size="xs" c="dimmed">
                      {t('noSource')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={r.enabled}
                    disabled={!can('loans.approve')}
                    onChange={(e) => patch(k, { enabled: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    w={100}
                    value={r.level}
                    disabled={!can('loans.approve')}
                    onChange={(v) => patch(k, { level: (v ?? r.level) as WarningLevel })}
                    data={WARNING_LEVELS.map((l) => ({ value: l, label: t(l) }))}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {Object.entries(r.params).map(([name, v]) => (
                      <NumberInput
                        key={name}
                        w={150}
                        size="xs"
                        label={name}
                        value={v}
                        disabled={!can('loans.approve')}
                        min={0}
                        onChange={(x) => patch(k, { params: { ...r.params, [name]: Number(x) || 0 } })}
                      />
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {can('loans.approve') && (
          <Group mt="sm">
            <Button
              loading={save.loading}
              onClick={() =>
                void save.mutate({ rules: rules.map(({ hasSource: _h, ...r }) => r) }).then(
                  (x) => setRules(x),
                  () => undefined,
                )
              }
            >
              {t('save')}
            </Button>
            {save.data && (
              <Text size="sm" c="teal">
                {t('saved')}
              </Text>
            )}
          </Group>
        )}
        {save.error && <ErrorAlert error={save.error} />}
      </Card>
    </Stack>
  )
}
