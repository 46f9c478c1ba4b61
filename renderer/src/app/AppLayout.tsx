import {
  ActionIcon,
  AppShell,
  Badge,
  Divider,
  Group,
  Kbd,
  NavLink,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IconLock, IconLogout, IconShield } from '../components/icons'
import { useIdleLock } from '../features/auth/use-idle-lock'
import { GlobalSearch } from '../features/search/GlobalSearch'
import { useEvaluationJob } from '../features/risk/use-risk'
import { LanguageSwitch } from './LanguageSwitch'
import { NAV_ITEMS, activeNavPath } from './nav'
import { Routes } from './Routes'
import { navigate, useRoute } from './router'
import { useCan, useCurrentSession, useSession } from './session'
import { ShortcutsHelp } from './ShortcutsHelp'
import { useShortcuts } from './use-shortcuts'

/** Header (org, user, language, lock, logout), permission-filtered navbar, and the routed page. */
export function AppLayout() {
  const { t } = useTranslation()
  const { org, locked, lock, logout } = useSession()
  const session = useCurrentSession()
  const can = useCan()
  const route = useRoute()
  const [helpOpen, setHelpOpen] = useState(false)
  const items = useMemo(() => NAV_ITEMS.filter((i) => can(i.permission)), [can])

  useIdleLock(session.idleLockMinutes, locked, lock)
  useEvaluationJob({ daily: true }) // 风险评估 once a day on first start (DOMAIN §5–§7)
  const handlers = useMemo(
    () => ({
      goTo: (i: number) => {
        const item = items[i]
        if (item) navigate(item.path)
      },
      lock,
      toggleHelp: () => setHelpOpen((o) => !o),
    }),
    [items, lock],
  )
  useShortcuts(!locked, handlers)

  return (
    <AppShell header={{ height: 58 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={34} radius="md">
              <IconShield size={20} />
            </ThemeIcon>
            <Text fw={700} fz="lg">
              {t('app.name')}
            </Text>
            <Divider orientation="vertical" />
            <Text fw={500} data-testid="org-name" truncate maw={360}>
              {org?.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch />
            <LanguageSwitch />
            <ShortcutsHelp opened={helpOpen} onChange={setHelpOpen} />
            <Divider orientation="vertical" />
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={600} data-testid="user-name" lh={1.3}>
                {session.user.displayName}
              </Text>
              <Badge size="xs" variant="light" data-testid="user-role">
                {t(`roles.${session.user.role}`)}
              </Badge>
            </Stack>
            <Tooltip label={`${t('header.lock')} (Ctrl+L)`}>
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('header.lock')} onClick={lock}>
                <IconLock size={20} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('header.logout')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={t('header.logout')}
                onClick={() => void logout()}
              >
                <IconLogout size={20} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        <nav aria-label={t('nav.label')}>
          {items.map((item, i) => {
            const active = item.path === activeNavPath(route, items)
            return (
              <NavLink
                key={item.path}
                href={`#${item.path}`}
                label={t(item.labelKey)}
                leftSection={<item.icon size={18} />}
                rightSection={
                  <Group gap={4} wrap="nowrap">
                    {item.badge && <item.badge />}
                    {i < 9 ? (
                      <Kbd size="xs" c="dimmed">
                        Alt+{i + 1}
                      </Kbd>
                    ) : null}
                  </Group>
                }
                active={active}
                aria-current={active ? 'page' : undefined}
                variant="light"
                fw={active ? 600 : 400}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
                mb={4}
              />
            )
          })}
        </nav>
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Routes route={route} />
      </AppShell.Main>
    </AppShell>
  )
}
