import { useTranslation } from 'react-i18next'
import {
  Anchor,
  Autocomplete,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { BorrowerView } from '@shared/api'
import { CREDIT_RATINGS } from '@shared/api/borrowers'
import { type ReactNode, useMemo, useState } from 'react'
import { ApiError } from '../../api/client'
import { useMutation, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import {
  type BorrowerField,
  type BorrowerValues,
  borrowerValues,
  checkBorrower,
  toCreateInput,
  toUpdateInput,
} from './borrower-form'

/** Create a borrower (individual or enterprise) or edit one; Enter saves, Esc closes. */
export function BorrowerFormModal({
  borrower,
  opened,
  onClose,
  onSaved,
}: {
  borrower: BorrowerView | null
  opened: boolean
  onClose: () => void
  onSaved: (b: BorrowerView) => void
}) {
  const { t } = useTranslation('entry')
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={borrower ? `${t('editBorrower')} · ${borrower.name}` : t('newBorrower')}
      size="lg"
      centered
    >
      {opened && <BorrowerForm borrower={borrower} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  )
}

/** A server field error, with a link to the existing record when the server gave its id. */
function ServerFieldError({
  message,
  id,
  onOpen,
}: {
  message: string
  id: number | null
  onOpen: (id: number) => void
}) {
  const { t } = useTranslation('entry')
  return (
    <span data-testid="field-conflict">
      {message}
      {id !== null && (
        <>
          {' '}
          <Anchor size="xs" component="button" type="button" onClick={() => onOpen(id)}>
            {t('existing', { id })}
          </Anchor>
        </>
      )}
    </span>
  )
}

function BorrowerForm({
  borrower,
  onClose,
  onSaved,
}: {
  borrower: BorrowerView | null
  onClose: () => void
  onSaved: (b: BorrowerView) => void
}) {
  const { t } = useTranslation('entry')
  const initial = useMemo(() => borrowerValues(borrower), [borrower])
  const [v, setV] = useState<BorrowerValues>(initial)
  const [submitted, setSubmitted] = useState(false)
  const [server, setServer] = useState<Partial<Record<BorrowerField, string>>>({})
  // The existing borrower a duplicate ID/credit code belongs to, when the caller may open it.
  const [existingId, setExistingId] = useState<number | null>(null)
  const villages = useQuery('borrowers.villages', {})
  const create = useMutation('borrowers.create')
  const update = useMutation('borrowers.update')
  const editing = borrower !== null
  const check = checkBorrower(v, { complete: submitted, ...(editing ? { initial } : {}) })
  const ent = v.kind === 'enterprise'

  const set = (f: BorrowerField) => (value: string) => {
    setV((x) => ({ ...x, [f]: value }))
    setServer((s) => ({ ...s, [f]: undefined }))
  }
  const openExisting = (id: number) => {
    onClose()
    navigate(`/borrowers/detail?id=${id}`)
  }
  const err = (f: BorrowerField): ReactNode => {
    const s = server[f]
    const link = f === 'idNumber' || f === 'creditCode' ? existingId : null
    return s ? <ServerFieldError message={s} id={link} onOpen={openExisting} /> : check.errors[f]
  }
  const text = (f: BorrowerField) => ({
    value: v[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(f)(e.currentTarget.value),
    error: err(f),
  })

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (Object.keys(checkBorrower(v, { complete: true, ...(editing ? { initial } : {}) }).errors).length > 0) return
    try {
      const saved = borrower
        ? await update.mutate(toUpdateInput(borrower.id, v, initial))
        : await create.mutate(toCreateInput(v))
      notifications.show({
        color: 'teal',
        message: t(borrower ? 'borrowerSaved' : 'borrowerCreated', { name: saved.name }),
      })
      onSaved(saved)
    } catch (x) {
      if (!(x instanceof ApiError)) throw x
      const fields: Partial<Record<BorrowerField, string>> = {}
      for (const f of x.fields) {
        const key = (f.path === 'householdIncome' ? 'income' : f.path) as BorrowerField
        if (key in v) fields[key] = f.message
      }
      setServer(fields)
      setExistingId(typeof x.data.existingBorrowerId === 'number' ? x.data.existingBorrowerId : null)
    }
  }
  const error = editing ? update.error : create.error
  const fieldShown = error !== null && error.fields.some((f) => f.path in v || f.path === 'householdIncome')
  const d = check.derived

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="borrower-form">
      <Stack gap="sm">
        {error && !fieldShown && <ErrorAlert error={error} />}
        <SegmentedControl
          aria-label={t('kind')}
          value={v.kind}
          onChange={(k) => setV((x) => ({ ...x, kind: k as BorrowerValues['kind'] }))}
          disabled={editing}
          data={[
            { value: 'individual', label: t('individual') },
            { value: 'enterprise', label: t('enterprise') },
          ]}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t(ent ? 'entName' : 'name')}
            withAsterisk
            data-autofocus
            autoComplete="off"
            {...text('name')}
          />
          {ent ? (
            <TextInput
              label={t('creditCode')}
              withAsterisk
              maxLength={18}
              ff="monospace"
              autoComplete="off"
              {...text('creditCode')}
            />
          ) : (
            <TextInput
              label={t('idNumber')}
              withAsterisk
              maxLength={18}
              autoComplete="off"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              description={
                d ? (
                  <Text span size="xs" c="teal.8" data-testid="id-derived">
                    {t('born', { date: d.birthDate, sex: t(d.sex) })}
                  </Text>
                ) : (
                  t('idHint')
                )
              }
              {...text('idNumber')}
            />
          )}
        </SimpleGrid>
        {ent ? (
          <>
            <SimpleGrid cols={2} spacing="sm">
              <TextInput label={t('legalRep')} withAsterisk autoComplete="off" {...text('legalRep')} />
              <TextInput label={t('entPhone')} inputMode="tel" maxLength={11} autoComplete="off" {...text('phone')} />
            </SimpleGrid>
            <TextInput label={t('address')} autoComplete="off" {...text('address')} />
            <Textarea label={t('businessScope')} autosize minRows={2} maxRows={4} {...text('businessScope')} />
          </>
        ) : (
          <>
            <SimpleGrid cols={3} spacing="sm">
              <TextInput label={t('phone')} inputMode="tel" maxLength={11} autoComplete="off" {...text('phone')} />
              <Autocomplete
                label={t('village')}
                placeholder={t('villageHint')}
                data={villages.data ?? []}
                value={v.village}
                onChange={set('village')}
                error={err('village')}
                limit={20}
              />
              <TextInput label={t('group')} autoComplete="off" {...text('villageGroup')} />
            </SimpleGrid>
            <TextInput label={t('address')} autoComplete="off" {...text('address')} />
            <SimpleGrid cols={3} spacing="sm">
              <TextInput label={t('occupation')} autoComplete="off" {...text('occupation')} />
              <TextInput label={t('income')} inputMode="decimal" autoComplete="off" {...text('income')} />
              <Select
                label={t('rating')}
                placeholder={t('choose')}
                clearable
                data={[...CREDIT_RATINGS]}
                value={v.creditRating || null}
                onChange={(x) => set('creditRating')(x ?? '')}
                error={err('creditRating')}
              />
            </SimpleGrid>
          </>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={create.loading || update.loading}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
