import { useTranslation } from 'react-i18next'
import { Badge, Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import type { SearchHit } from '@shared/api'
import { useEffect, useState } from 'react'
import { useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'

function Highlight({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: React.ReactNode[] = []
  let at0 = 0
  for (const [s, e] of ranges) {
    if (s > at0) parts.push(text.slice(at0, s))
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>)
    at0 = e
  }
  parts.push(text.slice(at0))
  return <>{parts}</>
}

const TYPE = { borrower: 'borrowerType', loan: 'loanType', file: 'fileType' } as const
const target = (h: SearchHit) =>
  h.type === 'borrower'
    ? `/borrowers/detail?id=${h.id}`
    : h.type === 'loan'
      ? `/servicing/loan?id=${h.id}`
      : `/archives/file?id=${h.id}`

/** Global search (Ctrl+K) across borrowers, loans and files, with the match highlighted. */
export function GlobalSearch() {
  const { t } = useTranslation('archives')
  const [opened, setOpened] = useState(false)
  const [q, setQ] = useState('')
  const [debounced, setDebounced] = useState('')
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        setOpened(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  useEffect(() => {
    const t = setTimeout(() => setDebounced(q.trim()), 150)
    return () => clearTimeout(t)
  }, [q])
  const { data } = useQuery('search.global', { q: debounced, limit: 30 }, { enabled: opened && debounced.length > 0 })
  // The highlighted result: ↑/↓ move it, Enter opens it; a new result list starts at the top.
  const [active, setActive] = useState(0)
  useEffect(() => setActive(0), [data])
  const go = (h: SearchHit) => {
    setOpened(false)
    navigate(target(h))
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    const n = data?.hits.length ?? 0
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault()
      setActive((i) => (i + 1) % n)
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault()
      setActive((i) => (i - 1 + n) % n)
    } else if (e.key === 'Enter' && data?.hits[active]) go(data.hits[active])
  }
  return (
    <>
      <UnstyledButton
        onClick={() => setOpened(true)}
        aria-label={t('search')}
        px="sm"
        py={4}
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}
      >
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('search')}
          </Text>
          <Kbd size="xs">Ctrl+K</Kbd>
        </Group>
      </UnstyledButton>
      <Modal opened={opened} onClose={() => setOpened(false)} withCloseButton={false} size="lg" yOffset="10vh">
        <TextInput
          data-autofocus
          aria-label={t('search')}
          placeholder={t('searchHint')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          aria-controls="search-results"
          aria-activedescendant={data?.hits[active] ? `search-hit-${active}` : undefined}
        />
        <Stack gap={2} mt="sm" data-testid="search-results" id="search-results" role="listbox">
          {data?.hits.map((h, i) => (
            <UnstyledButton
              key={`${h.type}-${h.id}`}
              id={`search-hit-${i}`}
              role="option"
              aria-selected={i === active}
              onClick={() => go(h)}
              onMouseEnter={() => setActive(i)}
              p={6}
              data-testid="search-hit"
              data-active={i === active || undefined}
              style={{ borderRadius: 4, background: i === active ? 'var(--mantine-color-blue-light)' : undefined }}
            >
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" fw={600}>
                    {h.field === 'name' ? <Highlight text={h.title} ranges={h.ranges} /> : h.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {h.field !== 'name' && <Highlight text={h.matchText} ranges={h.ranges} />} {h.subtitle}
                  </Text>
                </div>
                <Badge variant="light">{t(TYPE[h.type])}</Badge>
              </Group>
            </UnstyledButton>
          ))}
          {data && data.hits.length === 0 && (
            <Text c="dimmed" size="sm">
              {t('searchEmpty')}
            </Text>
          )}
          {data?.truncated && (
            <Text c="dimmed" size="sm">
              {t('truncated', { n: 30 })}
            </Text>
          )}
        </Stack>
      </Modal>
    </>
  )
}
