// A 催收通知书 on screen; its wording lives in shared/collections/wording.ts (the PDF uses it too).
import { Box, Group, Table, Text } from '@mantine/core'
import type { NoticeDocument } from '@shared/api'
import { NOTICE_WORDING as W, noticeParagraphs, zhDate } from '@shared/collections'
import { formatFen } from '@shared/domain'

function paragraphs(n: NoticeDocument) {
  return noticeParagraphs({
    ...n,
    loanPrincipalText: formatFen(n.loanPrincipal),
    totalText: formatFen(n.amounts.total),
  })
}

/** Addressee and the facts of the loan, up to the amounts. */
export function NoticeHead({ n }: { n: NoticeDocument }) {
  return (
    <Box>
      <Text mt="md">
        {n.addresseeName}
        {n.idNumber ? `（${W.idLabel}${W.colon}${n.idNumber}）` : ''}
        {W.colon}
      </Text>
      <Text style={{ textIndent: '2em' }}>{paragraphs(n).facts}</Text>
    </Box>
  )
}

/** The amounts as a table, in figures. */
export function AmountsTable({ n }: { n: NoticeDocument }) {
  const labels = n.accelerated ? W.columnsAccelerated : W.columns
  const a = n.amounts
  const values = [a.principal, a.interest, a.penaltyInterest, a.compoundInterest, a.total]
  return (
    <Table withTableBorder withColumnBorders my="sm">
      <Table.Thead>
        <Table.Tr>
          {labels.map((k) => (
            <Table.Th key={k} ta="center">
              {k}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          {values.map((v, i) => (
            <Table.Td key={labels[i]} ta="center">
              {formatFen(v)} {W.yuan}
            </Table.Td>
          ))}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  )
}

/** Total in words, demand, consequences, lender and seal area. */
export function NoticeTail({ n }: { n: NoticeDocument }) {
  const p = paragraphs(n)
  return (
    <Box>
      <Text data-testid="total-words">
        {W.totalWords}
        {n.totalWords}
      </Text>
      <Text style={{ textIndent: '2em' }}>{p.demand}</Text>
      <Text style={{ textIndent: '2em' }}>{p.consequences}</Text>
      <Group justify="flex-end" mt="lg" gap="xl">
        <Box ta="right">
          <Text>
            {n.lender}
            {W.seal}
          </Text>
          <Text>{zhDate(n.issuedOn)}</Text>
        </Box>
        <Box
          w={90}
          h={90}
          style={{ border: '1px dashed #999', borderRadius: '50%', display: 'grid', placeItems: 'center' }}
        >
          <Text size="xs" c="dimmed">
            {W.sealArea}
          </Text>
        </Box>
      </Group>
    </Box>
  )
}

/** The tear-off 回执. */
export function ReceiptBody({ n }: { n: NoticeDocument }) {
  return (
    <Box mt="xl" pt="xs" style={{ borderTop: '1px dashed #666' }}>
      <Text ta="center" size="xs" c="dimmed">
        {W.cut}
      </Text>
      <Text ta="center" fw={700} size="lg">
        {W.receiptTitle}
      </Text>
      <Text>
        {n.lender}
        {W.colon}
      </Text>
      <Text style={{ textIndent: '2em' }}>{paragraphs(n).acknowledgement}</Text>
      <Group justify="space-between" mt="md" align="flex-start">
        <Box>
          <Text>{W.signer}</Text>
          <Text mt="sm">{W.relation}</Text>
          <Text mt="sm">{W.date}</Text>
        </Box>
        <Box ta="center">
          <Text size="xs">{W.finger}</Text>
          <Box w={64} h={64} style={{ border: '1px solid #333' }} />
        </Box>
      </Group>
    </Box>
  )
}
