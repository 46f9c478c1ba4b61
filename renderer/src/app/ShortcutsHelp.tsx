import { ActionIcon, Group, Kbd, Popover, Stack, Table, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { IconKeyboard } from '../components/icons'

/** The `?` popover listing keyboard shortcuts. */
export function ShortcutsHelp({ opened, onChange }: { opened: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation()
  const rows: [string[], string][] = [
    [['Alt', '1…9'], t('shortcuts.navigate')],
    [['Ctrl', 'K'], t('shortcuts.search')],
    [['Ctrl', 'L'], t('shortcuts.lock')],
    [['?'], t('shortcuts.help')],
    [['Enter'], t('shortcuts.submit')],
    [['Esc'], t('shortcuts.close')],
  ]
  return (
    <Popover opened={opened} onChange={onChange} position="bottom-end" shadow="md" width={320} withArrow>
      <Popover.Target>
        <Tooltip label={`${t('header.shortcuts')} (?)`}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('header.shortcuts')}
            onClick={() => onChange(!opened)}
          >
            <IconKeyboard size={20} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown data-testid="shortcuts-help">
        <Stack gap="xs">
          <Text fw={600}>{t('shortcuts.title')}</Text>
          <Table verticalSpacing={6} withRowBorders={false}>
            <Table.Tbody>
              {rows.map(([keys, label]) => (
                <Table.Tr key={label}>
                  <Table.Td w={110}>
                    <Group gap={4} wrap="nowrap">
                      {keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && (
                            <Text span size="xs" c="dimmed" mr={4}>
                              +
                            </Text>
                          )}
                          <Kbd size="xs">{k}</Kbd>
                        </span>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{label}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
