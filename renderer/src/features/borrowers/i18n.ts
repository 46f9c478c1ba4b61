// Labels of the borrower pages that concern risk (客户分类 A/B/C, DOMAIN §5; issue 10): i18next
// namespace 'borrowers'. The rest of the borrower pages reads the 'archives' namespace.

/** zh-CN texts of the borrowers namespace. */
export const zh = {
  customerClass: '客户分类',
  classLetter: '{{c}} 类',
  classNone: '尚未评估',
  classHint: 'A：近 3 个月无逾期；B：M1 逾期一次或需核实；C：首期逾期、M1 两次以上或曾逾期 M2 以上',
  classHistory: '客户分类变化',
  classHistoryNone: '尚无分类变化记录（风险评估运行后生成）',
  asOf: '评估日期',
  change: '变化',
  detail: '依据',
  firstClass: '首次评定',
}

/** English texts of the borrowers namespace. */
export const en: typeof zh = {
  customerClass: 'Customer class',
  classLetter: 'Class {{c}}',
  classNone: 'Not evaluated yet',
  classHint:
    'A: no arrears in 3 months; B: once in M1 or to be confirmed; C: first installment late, M1 twice or more, or ever M2+',
  classHistory: 'Customer class changes',
  classHistoryNone: 'No class changes yet (recorded by the risk evaluation)',
  asOf: 'Evaluated on',
  change: 'Change',
  detail: 'Grounds',
  firstClass: 'First class',
}
