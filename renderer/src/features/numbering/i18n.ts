// UI text of the numbering settings: i18next namespace 'numbering'.

/** zh-CN texts of the numbering namespace. */
export const zh = {
  title: '合同号与借据号编号规则',
  subtitle: '新增贷款时按规则自动生成编号（仍可修改）；流水号按年度重新编号，只有保存贷款后才占用。',
  contract: '合同号规则',
  iou: '借据号规则',
  hint: '可用占位符：{org} 机构号，{year} 年度，{seq:4} 四位流水号',
  example: '示例：{{example}}',
  save: '保存规则',
  saved: '编号规则已保存',
  link: '编号规则',
}
/** English texts of the numbering namespace. */
export const en: typeof zh = {
  title: 'Contract and IOU numbering',
  subtitle:
    'New loans get numbers from these patterns (still editable); serials restart each year and are used only when a loan is saved.',
  contract: 'Contract number pattern',
  iou: 'IOU number pattern',
  hint: 'Placeholders: {org} branch code, {year} year, {seq:4} four-digit serial',
  example: 'Example: {{example}}',
  save: 'Save patterns',
  saved: 'Numbering patterns saved',
  link: 'Numbering',
}
