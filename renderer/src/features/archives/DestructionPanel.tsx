import { useTranslation } from 'react-i18next'
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { api } from '../../api/client'
import { toApiError, useQuery } from '../../api/hooks'
import { useCan } from '../../app/session'

/** 销毁: propose a list of the files due as of a date, approve it (approver), execute and record it. */
export function DestructionPanel({ asOf, dueIds, onChange }: { asOf: string; dueIds: number[]; onChange: () => void }) {
  const { t } = useTranslation('archives')
  const lists = useQuery('archives.destructionLists', {})
  const can = useCan()
  const canApprove = can('archives.approve')
  const canWrite = can('archives.write')
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn()
      await lists.refetch()
      onChange()
    } catch (e) {
      notifications.show({ color: 'red', message: toApiError(e).message })
    }
  }
  return (
    <Stack>
      {canWrite && (
        <Group>
          <Button
            size="xs"
            disabled={dueIds.length === 0}
            onClick={() => void act(() => api.call('archives.proposeDestruction', { asOf, fileIds: dueIds }))}
          >
            {t('propose', { n: dueIds.length })}
          </Button>
        </Group>
      )}
      <Table striped>
        <Table.Tbody>
          {(lists.data ?? []).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>#{l.id}</Table.Td>
              <Table.Td>
                <Badge color={l.status === 'executed' ? 'gray' : l.status === 'approved' ? 'teal' : 'orange'}>
                  {t(l.status)}
                </Badge>
              </Table.Td>
              <Table.Td>{l.files.length}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {l.proposedBy}
                  {l.approvedBy ? ` → ${l.approvedBy}` : ''}
                  {l.executedBy ? ` → ${l.executedBy}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {l.status === 'proposed' && canApprove && (
                  <Button
                    size="compact-xs"
                    onClick={() => void act(() => api.call('archives.approveDestruction', { listId: l.id }))}
                  >
                    {t('approve')}
                  </Button>
                )}
                {l.status === 'approved' && canWrite && (
                  <Button
                    size="compact-xs"
                    color="red"
                    onClick={() =>
                      void act(() => api.call('archives.executeDestruction', { listId: l.id, executedOn: asOf }))
                    }
                  >
                    {t('execute')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
