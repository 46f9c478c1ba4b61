import type { Input } from '../../../shared/api'
import { formatFen } from '../../../shared/domain'
import type { Ctx } from '../context'
import { writeSheet } from './xlsx'
import { listBorrowers, toBorrowerView } from '../borrowers/borrowers-repo'
import { selectFiles, selectLendings, toFileView, toLendingView } from '../archives/files-repo'
import { listLoans } from '../loans/loans-repo'
import { scopeOfficer, seesPii } from '../scope'

const ALL = { limit: 10_000_000, offset: 0 }
// Labels, not codes, in every exported cell. A loan's stored status says nothing about overdue,
// so an open loan exports as 未结清 (never 正常, which an overdue loan is not).
const STATUS: Record<string, string> = {
  in_store: '在库',
  lent: '借出',
  transferred: '移交',
  destroyed: '已销毁',
  active: '未结清',
  settled: '结清',
  written_off: '核销',
  cancelled: '撤销',
}
const BORROWER_STATUS: Record<string, string> = { active: '正常', inactive: '停用', blacklisted: '黑名单' }
const GUARANTEE: Record<string, string> = { credit: '信用', guarantee: '保证', mortgage: '抵押', pledge: '质押' }

/** Exports a list to .xlsx with the same scope and masking as the screen shows. */
export async function exportList(ctx: Ctx, input: Input<'imports.export'>) {
  const scope = scopeOfficer(ctx)
  const stamp = ctx.today()
  let headers: string[]
  let rows: (string | number | null)[][]
  let name: string
  if (input.list === 'borrowers') {
    const pii = seesPii(ctx)
    const r = await listBorrowers(
      ctx.db,
      { village: input.village, officerId: input.officerId, status: input.status, scopeOfficerId: scope },
      { sort: 'id', dir: 'asc', ...ALL },
    )
    name = '借款人'
    headers = [
      '编号',
      '类型',
      '姓名/名称',
      '身份证号',
      '统一社会信用代码',
      '手机号',
      '村',
      '组',
      '地址',
      '职业',
      '家庭年收入(元)',
      '信用等级',
      '法定代表人',
      '管户信贷员',
      '状态',
    ]
    rows = r.rows
      .map((x) => toBorrowerView(x, pii))
      .map((b) => [
        b.id,
        b.kind === 'individual' ? '个人' : '企业',
        b.name,
        b.idNumber,
        b.creditCode,
        b.phone,
        b.village,
        b.villageGroup,
        b.address,
        b.occupation,
        b.householdIncome === null ? null : formatFen(b.householdIncome),
        b.creditRating,
        b.legalRep,
        b.officerName,
        BORROWER_STATUS[b.status] ?? b.status,
      ])
  } else if (input.list === 'loans') {
    const r = await listLoans(
      ctx.db,
      { officerId: input.officerId, status: input.status, scopeOfficerId: scope },
      { sort: 'id', dir: 'asc', ...ALL },
    )
    name = '贷款'
    headers = [
      '合同号',
      '借据号',
      '借款人',
      '产品',
      '金额(元)',
      '年利率(%)',
      '期限(月)',
      '发放日',
      '到期日',
      '担保方式',
      '责任人',
      '状态',
    ]
    rows = r.rows.map((l) => [
      l.contractNo,
      l.iouNo,
      l.borrowerName,
      l.product,
      formatFen(l.principal),
      l.annualRate,
      l.termMonths,
      l.disbursementDate,
      l.maturityDate,
      GUARANTEE[l.guaranteeType] ?? l.guaranteeType,
      l.officerName,
      STATUS[l.status] ?? l.status,
    ])
  } else if (input.list === 'files') {
    let q = selectFiles(ctx.db)
    if (scope !== null) q = q.where('l.officer_id', '=', scope)
    if (input.status) q = q.where('f.status', '=', input.status)
    name = '档案'
    headers = [
      '档案编号',
      '合同号',
      '借款人',
      '类别',
      '存放位置',
      '状态',
      '完整度(%)',
      '诉讼保全',
      '保管期限至',
      '保管人',
    ]
    rows = (await q.orderBy('f.id').execute())
      .map(toFileView)
      .map((f) => [
        f.fileNo,
        f.contractNo,
        f.borrowerName,
        f.category,
        f.location,
        STATUS[f.status] ?? f.status,
        f.completeness,
        f.legalHold ? '是' : '否',
        f.retentionUntil,
        f.keeperName,
      ])
  } else {
    let q = selectLendings(ctx.db).innerJoin('loans as l', 'l.id', 'f.loan_id')
    if (scope !== null) q = q.where('l.officer_id', '=', scope)
    name = '借阅登记'
    headers = ['档案编号', '借阅人', '用途', '审批人', '经办人', '借出日', '应还日', '归还日', '逾期']
    rows = (await q.orderBy('x.id').execute())
      .map((r) => toLendingView(r, stamp))
      .map((l) => [
        l.fileNo,
        l.borrowerName,
        l.purpose,
        l.approverName,
        l.keeperName,
        l.lentOn,
        l.dueBack,
        l.returnedOn,
        l.overdue ? '逾期' : '',
      ])
  }
  const buf = await writeSheet({ sheet: name, headers, rows })
  return { filename: `${name}-${stamp}.xlsx`, contentBase64: buf.toString('base64'), rows: rows.length }
}
