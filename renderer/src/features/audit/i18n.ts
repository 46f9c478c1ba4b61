// Audit screen texts for the chain anchor and business-row checks (issue 14.4).
export const zh = {
  anchor: {
    title: '审计链锚点',
    hint: '请定期抄录或打印以下条数和哈希，另行保管。日后若有人截断或重写审计日志，校验时与此对照即可发现。',
    count: '记录条数',
    hash: '链头哈希',
    at: '更新时间',
    file: '数据目录中的锚点文件：{{name}}',
    print: '打印锚点',
    none: '尚无审计记录',
    fileBehind: '锚点文件记录 {{count}} 条（稍后自动更新）',
  },
  rows: {
    ok: '业务数据：已核对 {{count}} 行，均与写入时一致。',
    problems: '业务数据：{{changed}} 行在本程序之外被修改，{{deleted}} 行被删除。',
    changed: '被修改',
    deleted: '被删除',
    item: '{{table}} 表第 {{rowId}} 行（最后由第 {{auditId}} 条审计记录写入）{{kind}}',
    anchorBroken: '锚点不符：{{reason}}',
  },
}

export const en: typeof zh = {
  anchor: {
    title: 'Audit chain anchor',
    hint: 'Write down or print the count and hash below and keep them apart. If the audit log is later cut off or rewritten, verification against them shows it.',
    count: 'Entries',
    hash: 'Chain head hash',
    at: 'Updated',
    file: 'Anchor file in the data folder: {{name}}',
    print: 'Print anchor',
    none: 'No audit entries yet',
    fileBehind: 'The anchor file holds {{count}} entries (updated shortly)',
  },
  rows: {
    ok: 'Business data: {{count}} rows checked, all as written.',
    problems: 'Business data: {{changed}} rows changed and {{deleted}} rows deleted outside the app.',
    changed: 'changed',
    deleted: 'deleted',
    item: 'Table {{table}}, row {{rowId}} (last written by audit entry {{auditId}}) {{kind}}',
    anchorBroken: 'Anchor mismatch: {{reason}}',
  },
}
