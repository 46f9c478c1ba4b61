import { Button, Group, NativeSelect, TextInput } from '@mantine/core'
import { HOUSEHOLD_RELATIONS, type HouseholdView } from '@shared/api'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../../api/hooks'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'

/** Household actions on the borrower view: start a household, add or remove members. */
export function HouseholdPanel({
  borrowerId,
  household,
  onChanged,
}: {
  borrowerId: number
  household: HouseholdView | null
  onChanged: () => void
}) {
  const { t } = useTranslation('inspections')
  const can = useCan()
  const create = useMutation('borrowers.createHousehold')
  const addMember = useMutation('borrowers.addHouseholdMember')
  const remove = useMutation('borrowers.removeHouseholdMember')
  const [address, setAddress] = useState('')
  const [member, setMember] = useState('')
  const [relation, setRelation] = useState<(typeof HOUSEHOLD_RELATIONS)[number]>('spouse')
  if (!can('borrowers.write')) return null
  const error = create.error ?? addMember.error ?? remove.error
  const done = () => {
    setMember('')
    onChanged()
  }
  return (
    <div data-testid="household-panel">
      {!household ? (
        <Group align="flex-end" mt="sm">
          <TextInput
            label={t('household.address')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
          />
          <Button
            variant="light"
            loading={create.loading}
            onClick={() =>
              void create
                .mutate({ headBorrowerId: borrowerId, ...(address ? { address } : {}) })
                .then(done, () => undefined)
            }
          >
            {t('household.create')}
          </Button>
        </Group>
      ) : (
        <>
          <Group align="flex-end" mt="sm">
            <TextInput
              label={t('household.borrowerId')}
              value={member}
              onChange={(e) => setMember(e.currentTarget.value)}
              w={120}
            />
            <NativeSelect
              label={t('household.relation')}
              value={relation}
              onChange={(e) => setRelation(e.currentTarget.value as typeof relation)}
              data={HOUSEHOLD_RELATIONS.filter((r) => r !== 'head').map((r) => ({
                value: r,
                label: t(`relations.${r}`),
              }))}
            />
            <Button
              variant="light"
              disabled={!Number(member)}
              loading={addMember.loading}
              onClick={() =>
                void addMember
                  .mutate({ householdId: household.id, borrowerId: Number(member), relation })
                  .then(done, () => undefined)
              }
            >
              {t('household.add')}
            </Button>
          </Group>
          <Group gap={4} mt={4}>
            {household.members
              .filter((m) => m.relation !== 'head')
              .map((m) => (
                <Button
                  key={m.borrowerId}
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    void remove
                      .mutate({ householdId: household.id, borrowerId: m.borrowerId })
                      .then(done, () => undefined)
                  }
                >
                  {t('household.remove')} {m.name}
                </Button>
              ))}
          </Group>
        </>
      )}
      {error && <ErrorAlert error={error} />}
    </div>
  )
}
