import { type CalculatorInput } from '@shared/api'
import { type Schedule, amountInWords, formatFen } from '@shared/domain'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Evaluation, PlanTotals } from './evaluate'

interface Props {
  orgName: string
  input: CalculatorInput
  rates: NonNullable<Evaluation['rates']>
  schedule: Schedule
  totals: PlanTotals
  printedOn: string
}

/**
 * 还款计划表 for paper (A4 portrait): hidden on screen, shown only by print CSS, so 打印 prints
 * exactly the plan on screen. Memoised: re-renders only when the plan changes.
 */
export const PlanPrint = memo(function PlanPrint({ orgName, input, rates, schedule, totals, printedOn }: Props) {
  const { t } = useTranslation()
  const amortizing = input.method === 'annuity' || input.method === 'equal_principal'
  const rate = t(
    input.rateMode === 'monthly_permille' ? 'calculator.printRateMonthlyText' : 'calculator.printRateAnnualText',
    {
      annual: rates.annual,
      monthly: rates.monthly,
      approx: rates.exact ? '' : '≈',
    },
  )
  const basis =
    amortizing && input.interestBasis !== 'actual_days' ? t('calculator.basisMonthly') : t('calculator.basisDays')
  const words = (label: string, fen: number) =>
    t('calculator.printWords', { label, words: amountInWords(fen), amount: formatFen(fen) })
  return (
    <div className="calc-print" data-testid="calc-print">
      <div className="calc-print-org">{orgName}</div>
      <h1>{t('calculator.printTitle')}</h1>
      <table className="calc-print-terms">
        <tbody>
          <tr>
            <th>{t('calculator.printAmount')}</th>
            <td colSpan={3}>
              ¥{formatFen(input.principal)}（{t('calculator.yuan', { words: amountInWords(input.principal) })}）
            </td>
          </tr>
          <tr>
            <th>{t('calculator.printRate')}</th>
            <td>{rate}</td>
            <th>{t('calculator.printMethod')}</th>
            <td>{t(`calculator.methods.${input.method}`)}</td>
          </tr>
          <tr>
            <th>{t('calculator.printTerm')}</th>
            <td>{t('calculator.printTermValue', { count: input.termMonths })}</td>
            <th>{t('calculator.printBasis')}</th>
            <td>{basis}</td>
          </tr>
          <tr>
            <th>{t('calculator.printStart')}</th>
            <td>{input.startDate}</td>
            <th>{t('calculator.printMaturity')}</th>
            <td>{totals.maturity}</td>
          </tr>
        </tbody>
      </table>
      <table className="calc-print-plan">
        <thead>
          <tr>
            <th>{t('calculator.seq')}</th>
            <th>{t('calculator.dueDate')}</th>
            <th>{t('calculator.principal')}</th>
            <th>{t('calculator.interest')}</th>
            <th>{t('calculator.payment')}</th>
            <th>{t('calculator.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.rows.map((r) => (
            <tr key={r.seq}>
              <td className="c">{r.seq}</td>
              <td className="c">{r.dueDate}</td>
              <td className="num">{formatFen(r.principal)}</td>
              <td className="num">{formatFen(r.interest)}</td>
              <td className="num">{formatFen(r.payment)}</td>
              <td className="num">{formatFen(r.balance)}</td>
            </tr>
          ))}
          <tr className="calc-print-total">
            <td className="c" colSpan={2}>
              {t('calculator.total')}
            </td>
            <td className="num">{formatFen(totals.totalPrincipal)}</td>
            <td className="num">{formatFen(totals.totalInterest)}</td>
            <td className="num">{formatFen(totals.totalPayment)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <div className="calc-print-words">
        <div data-testid="print-interest-words">{words(t('calculator.printInterestWords'), totals.totalInterest)}</div>
        <div>{words(t('calculator.printTotalWords'), totals.totalPayment)}</div>
      </div>
      <p className="calc-print-note">{t('calculator.printNote')}</p>
      <div className="calc-print-sign">
        <span>{t('calculator.printOfficer')}</span>
        <span>{t('calculator.printDate', { date: printedOn })}</span>
      </div>
    </div>
  )
})
