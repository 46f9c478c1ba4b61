import { z } from 'zod'
import { FIELD_LABELS, fieldLabel } from './field-labels'

const TYPES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
  null: '空值',
  undefined: '未填写',
  nan: '非数字',
  bigint: '整数',
}

function typeName(t: string | undefined): string {
  return (t && TYPES[t]) ?? t ?? '其他类型'
}

function received(input: unknown): string {
  if (input === null) return '空值'
  if (input === undefined) return '未填写'
  if (Array.isArray(input)) return '列表'
  if (typeof input === 'number' && Number.isNaN(input)) return '非数字'
  if (typeof input === 'number' && !Number.isInteger(input)) return '小数'
  return typeName(typeof input)
}

function bound(
  origin: string | undefined,
  value: number | bigint,
  inclusive: boolean | undefined,
  big: boolean,
): string {
  const n = String(value)
  if (origin === 'string') return big ? `最多 ${n} 个字符` : `至少 ${n} 个字符`
  if (origin === 'array' || origin === 'set') return big ? `最多 ${n} 项` : `至少 ${n} 项`
  if (big) return inclusive ? `不得大于 ${n}` : `须小于 ${n}`
  return inclusive ? `不得小于 ${n}` : `须大于 ${n}`
}

type Issue = z.core.$ZodRawIssue

/** The reason part of a message, without the field name. */
function reason(iss: Issue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return '必须填写'
      return `应为${typeName(String(iss.expected))}，收到的是${received(iss.input)}`
    case 'too_big':
      return bound(iss.origin, iss.maximum, iss.inclusive, true)
    case 'too_small':
      return bound(iss.origin, iss.minimum, iss.inclusive, false)
    case 'invalid_value':
      return iss.values.length === 1
        ? `应为 ${String(iss.values[0])}`
        : `应为以下之一：${iss.values.map(String).join('、')}`
    case 'invalid_format':
      return '格式不正确'
    case 'not_multiple_of':
      return `须为 ${String(iss.divisor)} 的倍数`
    case 'unrecognized_keys':
      return '不接受'
    case 'invalid_union':
      return '格式不正确'
    default:
      return '无效'
  }
}

/** zh-CN message naming the field, for every issue a schema did not word itself. */
export function zhIssueMessage(iss: Issue): string {
  if (iss.code === 'unrecognized_keys') {
    const keys = iss.keys.map((k) => (FIELD_LABELS[k] ? `${k}（${FIELD_LABELS[k]}）` : k))
    return `不接受的字段：${keys.join('、')}（此处不能修改或不存在）`
  }
  const label = fieldLabel(iss.path ?? [])
  return label ? `${label}：${reason(iss)}` : `输入有误：${reason(iss)}`
}

let installed = false
/** Installs the zh-CN error map once for every zod schema (backend and renderer share it). */
export function installZhErrors(): void {
  if (installed) return
  installed = true
  z.config({ customError: (iss) => zhIssueMessage(iss) })
}

installZhErrors()
