import { creditCodeCheckChar, residentIdCheckChar } from '../../shared/domain'
import type { Random } from './random'

/** GB 11643 check char (from the domain core), under the name the generators use. */
export const residentIdCheck = residentIdCheckChar

// Common surnames, most frequent first (weighted by position).
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单'
const GIVEN_SINGLE = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华斌梅凤林珍丰龙红燕兰英生山']
const GIVEN_DOUBLE = [
  '秀英',
  '秀兰',
  '桂英',
  '建国',
  '建华',
  '志强',
  '玉兰',
  '海燕',
  '红梅',
  '文斌',
  '春梅',
  '金凤',
  '德明',
  '永生',
  '宝山',
  '福林',
  '秀珍',
  '三丰',
  '国庆',
  '立新',
  '学文',
  '小龙',
  '冬梅',
  '翠花',
  '建军',
  '丽华',
  '桂兰',
  '淑珍',
  '德胜',
  '长青',
  '晓东',
  '春燕',
  '子涵',
  '浩然',
  '雨轩',
  '欣怡',
  '俊杰',
  '家豪',
  '明辉',
  '振华',
]

export const TOWNS = ['青山镇', '白水镇', '柳河乡', '石桥镇', '杏花乡', '双龙镇', '桃源乡', '枫林镇']
const VILLAGE_NAMES = [
  '前进',
  '红星',
  '胜利',
  '光明',
  '东风',
  '新华',
  '和平',
  '建设',
  '幸福',
  '团结',
  '向阳',
  '永安',
  '长丰',
  '大坪',
  '河湾',
  '李家',
  '王庄',
  '张家湾',
]
/** 8 towns × 18 villages. */
export const VILLAGES = TOWNS.flatMap((t) => VILLAGE_NAMES.map((v) => `${t}${v}村`))
const OCCUPATIONS = ['种植户', '养殖户', '个体工商户', '务工', '运输户', '农机手', '果农', '茶农', '教师', '乡村医生']
const RATINGS = ['AAA', 'AA', 'A', 'B', 'C'] as const
const ENTERPRISE_SUFFIX = ['农业专业合作社', '家庭农场', '养殖有限公司', '农产品加工厂', '商贸有限公司', '建材经营部']
/** County administrative code used for demo ID numbers (a real-looking 6-digit code). */
const AREA_CODES = ['330127', '330224', '330381', '330482'] // distinct 4-digit prefixes keep generated IDs unique

export function personName(r: Random): string {
  // Skew towards the most common surnames, as in real registers.
  const s = SURNAMES[Math.floor(Math.pow(r.next(), 2) * SURNAMES.length)] as string
  return s + (r.chance(0.3) ? r.pick(GIVEN_SINGLE) : r.pick(GIVEN_DOUBLE))
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0')
}

/** A valid resident ID for borrower number `n` (unique by construction: the sequence encodes n). */
export function residentId(r: Random, n: number): { id: string; birthDate: string; sex: 'M' | 'F' } {
  const y = r.int(1955, 2003)
  const m = r.int(1, 12)
  const d = r.int(1, 28)
  const area = AREA_CODES[n % AREA_CODES.length] as string
  // 3-digit sequence per (area, birth date); n's higher digits go into the area's last digits
  // so that 200k borrowers never collide.
  const seq = Math.floor(n / AREA_CODES.length) % 1000
  const areaVariant =
    area.slice(0, 4) + pad((Number(area.slice(4)) + Math.floor(n / (AREA_CODES.length * 1000))) % 100, 2)
  const first17 = `${areaVariant}${y}${pad(m, 2)}${pad(d, 2)}${pad(seq, 3)}`
  return {
    id: first17 + residentIdCheckChar(first17),
    birthDate: `${y}-${pad(m, 2)}-${pad(d, 2)}`,
    sex: seq % 2 === 1 ? 'M' : 'F',
  }
}

export function creditCode(r: Random, n: number): string {
  const body = `9233${AREA_CODES[0]}${pad(n, 7)}`.slice(0, 17)
  void r
  return body + (creditCodeCheckChar(body) as string)
}

export function mobile(r: Random): string {
  return `1${r.pick(['3', '5', '7', '8', '9'])}${pad(r.int(0, 999_999_999), 9)}`
}

export function borrowerExtras(r: Random) {
  return {
    occupation: r.pick(OCCUPATIONS),
    rating: r.pick(RATINGS),
    income: r.int(30_000, 300_000) * 100,
    group: `${r.int(1, 12)}组`,
  }
}

export function enterpriseName(r: Random, village: string): string {
  return `${village.replace(/村$/, '')}${personName(r).slice(1)}${r.pick(ENTERPRISE_SUFFIX)}`
}
