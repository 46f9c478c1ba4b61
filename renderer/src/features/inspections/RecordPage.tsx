import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { CATEGORIES, INSPECTION_METHODS, INSPECTION_SIGNALS, INSPECTION_TYPES, localDate } from '@shared/domain'
import { FUND_USES, type InspectionView } from '@shared/api'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useHashParams } from './use-hash-params'
import { emptyForm, formOf, inputOf, type RecordForm } from './record-form'
import { Attachments, GuarantorLoans, SignOff } from './RecordSide'

/** Record form by type (DOMAIN §8 fields); Ctrl+S saves the draft, photos attach once it exists. */
export function RecordPage() {
  const p = useHashParams()
  const id = Number(p.get('id') ?? 0)
  const rec = useQuery('inspections.get', { id }, { enabled: id > 0 })
  const loanId = id > 0 ? (rec.data?.loanId ?? 0) : Number(p.get('loan') ?? 0)
  if (id > 0 && !rec.data) return rec.error ? <ErrorAlert error={rec.error} /> : null
  return (
    <RecordEditor
      key={`${id}-${rec.data?.updatedAt ?? ''}`}
      loanId={loanId}
      record={rec.data}
      initialType={p.get('type')}
      onChanged={(r) => (r.id === id ? void rec.refetch() : navigate(`/inspections/record?id=${r.id}`))}
    />
  )
}

function RecordEditor({
  loanId,
  record,
  initialType: typeParam,
  onChanged,
}: {
  loanId: number
  record: InspectionView | undefined
  initialType: string | null
  onChanged: (r: InspectionView) => void
}) {
  const { t } = useTranslation('inspections')
  const loan = useQuery('loans.get', { id: loanId }, { enabled: loanId > 0 })
  const initialType = (INSPECTION_TYPES as readonly string[]).includes(typeParam ?? '')
    ? (typeParam as RecordForm['type'])
    : 'routine'
  const [f, setF] = useState<RecordForm>(() =>
    record ? formOf(record) : emptyForm(initialType, localDate(new Date())),
  )
  const [localError, setLocalError] = useState<string | null>(null)
  const save = useMutation('inspections.saveDraft')
  const editable = !record || record.status === 'draft'
  const set =
    <K extends keyof RecordForm>(k: K) =>
    (v: RecordForm[K]) =>
      setF((x) => ({ ...x, [k]: v }))
  const text = (k: keyof RecordForm) => ({
    value: f[k] as string,
    onChange: (e: { currentTarget: { value: string } }) => set(k)(e.currentTarget.value as never),
    disabled: !editable,
  })

  const doSave = async () => {
    setLocalError(null)
    try {
      const r = await save.mutate(inputOf(f, loanId, record?.id))
      onChanged(r)
    } catch (e) {
      if (!(e instanceof Error && 'code' in e)) setLocalError(e instanceof Error ? e.message : String(e))
    }
  }
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key.toLowerCase() === 's' && editable) {
        e.preventDefault()
        void doSave()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const l = loan.data
  const guarantors = l?.guarantors ?? []
  const collaterals = l?.collaterals ?? []
  const showG = f.type === 'guarantor' || ((f.type === 'routine' || f.type === 'special') && guarantors.length > 0)
  const showC = f.type === 'collateral' || ((f.type === 'routine' || f.type === 'special') && collaterals.length > 0)
  const opts = <T extends string>(ks: readonly T[], ns: string, blank = false) => [
    ...(blank ? [{ value: '', label: '—' }] : []),
    ...ks.map((k) => ({ value: k, label: t(`${ns}.${k}` as never) as string })),
  ]
  return (
    <Stack>
      <PageHeader
        title={record ? t('form.titleEdit', { id: record.id }) : t('form.titleNew')}
        subtitle={
          l ? `${l.loan.borrowerName} · ${l.loan.contractNo} · ${t(`statuses.${record?.status ?? 'draft'}`)}` : ''
        }
        actions={
          <Button variant="default" onClick={() => navigate('/inspections')}>
            {t('form.back')}
          </Button>
        }
      />
      {loan.error && <ErrorAlert error={loan.error} />}
      {!editable && <Alert color="blue">{t('form.immutable')}</Alert>}
      {record?.correctsId && <Text size="sm">{t('form.corrects', { id: record.correctsId })}</Text>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper
            withBorder
            p="md"
            component="form"
            onSubmit={(e) => {
              e.preventDefault()
              void doSave()
            }}
          >
            <Stack gap="sm">
              <SimpleGrid cols={3}>
                <NativeSelect
                  label={t('form.type')}
                  data={opts(INSPECTION_TYPES, 'types')}
                  value={f.type}
                  onChange={(e) => set('type')(e.currentTarget.value as RecordForm['type'])}
                  disabled={!editable}
                  autoFocus
                />
                <TextInput type="date" label={t('form.inspectedOn')} {...text('inspectedOn')} />
                <NativeSelect
                  label={t('form.method')}
                  data={opts(INSPECTION_METHODS, 'methods')}
                  value={f.method}
                  onChange={(e) => set('method')(e.currentTarget.value as RecordForm['method'])}
                  disabled={!editable}
                />
              </SimpleGrid>
              {f.type === 'first' && (
                <SimpleGrid cols={3}>
                  <NativeSelect
                    label={t('form.fundUse')}
                    data={opts(FUND_USES, 'fundUses', true)}
                    {...text('fundUse')}
                  />
                  <TextInput label={t('form.fundUsedAmount')} {...text('fundUsedAmount')} />
                  <TextInput label={t('form.fundEvidence')} {...text('fundEvidence')} />
                </SimpleGrid>
              )}
              <SimpleGrid cols={3}>
                <Textarea label={t('form.businessStatus')} autosize minRows={2} {...text('businessStatus')} />
                <Textarea label={t('form.incomeStatus')} autosize minRows={2} {...text('incomeStatus')} />
                <Textarea label={t('form.repaymentSource')} autosize minRows={2} {...text('repaymentSource')} />
              </SimpleGrid>
              {showG && (
                <SimpleGrid cols={2}>
                  <NativeSelect
                    label={t('form.guarantor')}
                    data={[
                      { value: '', label: '—' },
                      ...guarantors.map((g) => ({ value: String(g.id), label: g.name })),
                    ]}
                    {...text('guarantorId')}
                  />
                  <TextInput label={t('form.guarantorStatus')} {...text('guarantorStatus')} />
                </SimpleGrid>
              )}
              {showC && (
                <SimpleGrid cols={3}>
                  <NativeSelect
                    label={t('form.collateral')}
                    data={[
                      { value: '', label: '—' },
                      ...collaterals.map((c) => ({ value: String(c.id), label: `${c.type}（${c.description}）` })),
                    ]}
                    {...text('collateralId')}
                  />
                  <TextInput label={t('form.collateralStatus')} {...text('collateralStatus')} />
                  <TextInput label={t('form.revaluedAmount')} {...text('revaluedAmount')} />
                </SimpleGrid>
              )}
              <Checkbox.Group label={t('form.signals')} value={f.signals} onChange={set('signals')}>
                <Group gap="sm" mt={4}>
                  {INSPECTION_SIGNALS.map((s) => (
                    <Checkbox key={s} value={s} label={t(`signals.${s}`)} disabled={!editable} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Textarea label={t('form.conclusion')} autosize minRows={3} {...text('conclusion')} />
              <SimpleGrid cols={2}>
                <NativeSelect
                  label={t('form.proposedCategory')}
                  data={opts(CATEGORIES, 'categories', true)}
                  {...text('proposedCategory')}
                />
                <TextInput type="date" label={t('form.nextDate')} {...text('nextDate')} />
              </SimpleGrid>
              {save.error && <ErrorAlert error={save.error} />}
              {localError && <Alert color="red">{localError}</Alert>}
              {editable && (
                <Group>
                  <Button type="submit" loading={save.loading}>
                    {t('form.save')}
                  </Button>
                  <Text size="xs" c="dimmed">
                    {t('form.keys')}
                  </Text>
                </Group>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            {record ? (
              <SignOff record={record} onChanged={onChanged} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('form.saveFirst')}
              </Text>
            )}
            {record && <Attachments record={record} onChanged={onChanged} />}
            {f.guarantorId && <GuarantorLoans guarantorId={Number(f.guarantorId)} />}
            {l && (
              <Paper withBorder p="sm">
                <Title order={6}>{t('form.loan')}</Title>
                <Text size="sm">
                  {l.loan.product} · {l.loan.disbursementDate} → {l.loan.maturityDate}
                </Text>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
