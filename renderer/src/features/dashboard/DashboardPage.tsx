import {
  Badge,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { ROLES } from '@shared/api'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatLongDate } from '../../app/format'
import { NAV_ITEMS } from '../../app/nav'
import { navigate } from '../../app/router'
import { useCan, useCurrentSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { IconBuilding } from '../../components/icons'
import { useDashboardSummary } from './use-dashboard'
import { RiskCounts } from '../risk/RiskCounts'
import { TodayPanel } from './TodayPanel'

function greetingKey(hour: number) {
  if (hour < 11) return 'dashboard.morning' as const
  if (hour < 13) return 'dashboard.noon' as const
  if (hour < 18) return 'dashboard.afternoon' as const
  return 'dashboard.evening' as const
}

function Stat({
  label,
  value,
  hint,
  loading,
  testId,
}: {
  label: string
  value: ReactNode
  hint?: ReactNode
  loading: boolean
  testId: string
}) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Text size="sm" c="dimmed" mb={6}>
        {label}
      </Text>
      {loading ? (
        <Skeleton h={34} w={80} />
      ) : (
        <Text fz={30} fw={700} lh={1.15}>
          {value}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={6} mih={18}>
        {hint}
      </Text>
    </Paper>
  )
}

/** 工作台: greeting, org, counts and quick links to the areas this user may open. */
export function DashboardPage() {
  const { t } = useTranslation()
  const { user } = useCurrentSession()
  const can = useCan()
  const { data, error, loading, refetch } = useDashboardSummary()
  const now = new Date()
  const links = NAV_ITEMS.filter((i) => i.path !== '/' && can(i.permission))
  const linkHints: Record<string, string> = {
    '/servicing': t('dashboard.quickServicing'),
    '/borrowers': t('dashboard.quickBorrowers'),
    '/archives': t('dashboard.quickArchives'),
    '/import': t('dashboard.quickImport'),
    '/users': t('dashboard.quickUsers'),
    '/audit': t('dashboard.quickAudit'),
    '/calculator': t('dashboard.quickCalculator'),
  }
  const byRole = ROLES.filter((r) => (data?.users.byRole[r] ?? 0) > 0)

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>
            {t('dashboard.greeting', { greeting: t(greetingKey(now.getHours())), name: user.displayName })}
          </Title>
          <Text c="dimmed" size="sm">
            {t('dashboard.today', { date: formatLongDate(now) })}
            {data &&
              ` · ${data.previousLoginAt ? t('dashboard.loginAt', { time: formatDateTime(data.previousLoginAt) }) : t('dashboard.firstLogin')}`}
          </Text>
        </Stack>
      </Group>

      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}

      <TodayPanel />

      <Card withBorder radius="md" p="lg">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon size={48} radius="md" variant="light">
            <IconBuilding size={28} />
          </ThemeIcon>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('dashboard.org')}
            </Text>
            {loading && !data ? (
              <Skeleton h={26} w={260} />
            ) : (
              <Group gap="sm">
                <Text fz="xl" fw={700} data-testid="dashboard-org">
                  {data?.org.name}
                </Text>
                {data && <Badge variant="outline">{t('dashboard.branchCode', { code: data.org.branchCode })}</Badge>}
              </Group>
            )}
          </Stack>
        </Group>
      </Card>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat
          testId="stat-users"
          label={t('dashboard.activeUsers')}
          value={data?.users.total}
          loading={loading && !data}
          hint={byRole.map((r) => `${t(`roles.${r}`)} ${data?.users.byRole[r]}`).join(' · ')}
        />
        <Stat
          testId="stat-audit"
          label={t('dashboard.auditToday')}
          value={data?.auditEntriesToday}
          loading={loading && !data}
        />
        <Stat
          testId="stat-borrowers"
          label={t('dashboard.borrowers')}
          value={data?.borrowers}
          loading={loading && !data}
          hint={data?.borrowers === 0 ? t('dashboard.noBorrowers') : undefined}
        />
      </SimpleGrid>
      <RiskCounts />

      <Stack gap="sm">
        <Title order={4}>{t('dashboard.quickLinks')}</Title>
        {links.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('dashboard.noQuickLinks')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {links.map((item) => (
              <UnstyledButton
                key={item.path}
                onClick={() => navigate(item.path)}
                data-testid={`quick-${item.path.slice(1)}`}
              >
                <Paper withBorder radius="md" p="md" className="daihou-hover-card">
                  <Group gap="md" wrap="nowrap">
                    <ThemeIcon size={40} radius="md" variant="light">
                      <item.icon size={22} />
                    </ThemeIcon>
                    <Stack gap={2}>
                      <Text fw={600}>{t(item.labelKey)}</Text>
                      <Text size="xs" c="dimmed" mih={18}>
                        {linkHints[item.path] ?? ''}
                      </Text>
                    </Stack>
                  </Group>
                </Paper>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  )
}
