import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../app/LanguageSwitch'
import { IconShield } from './icons'

/** The centred card used by setup, login and password change, with the brand and language switch. */
export function AuthFrame({
  title,
  subtitle,
  width = 420,
  children,
}: {
  title: string
  subtitle?: string
  width?: number
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)" py={48} px="md">
      <Box pos="absolute" top={16} right={16}>
        <LanguageSwitch />
      </Box>
      <Center>
        <Stack w={width} maw="100%" gap="lg">
          <Group gap="sm" justify="center">
            <ThemeIcon size={44} radius="md" variant="filled">
              <IconShield size={26} />
            </ThemeIcon>
            <Stack gap={0}>
              <Text fw={700} fz={22} lh={1.2}>
                {t('app.name')}
              </Text>
              <Text c="dimmed" size="xs">
                {t('app.tagline')}
              </Text>
            </Stack>
          </Group>
          <Paper withBorder shadow="sm" radius="md" p="xl">
            <Title order={3} mb={4}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm" mb="lg">
                {subtitle}
              </Text>
            )}
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  )
}
