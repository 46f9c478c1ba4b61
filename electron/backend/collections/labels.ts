// zh-CN names of the area's codes, for audit summaries, errors and printed documents.
export const CHANNEL_LABELS: Record<string, string> = {
  phone: '电话',
  sms: '短信',
  visit: '上门',
  letter: '信函',
  notice: '通知书',
}
export const PARTY_LABELS: Record<string, string> = {
  borrower: '借款人',
  co_borrower: '共同借款人',
  guarantor: '保证人',
  other: '其他人',
}
export const OUTCOME_LABELS: Record<string, string> = {
  promised: '承诺还款',
  paid: '已还款',
  refused: '拒绝还款',
  no_answer: '无人接听',
  unreachable: '失联/空号',
  dispute: '有异议',
  hardship: '确有困难',
  other: '其他',
}
export const SERVICE_LABELS: Record<string, string> = {
  in_person: '当面送达',
  mail: '邮寄',
  ems: 'EMS',
  notary: '公证送达',
}
export const RELATION_LABELS: Record<string, string> = { self: '本人', family: '同住成年家属', agent: '授权代理人' }
