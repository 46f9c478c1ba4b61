// 担保圈/联保 guarantee circles: borrowers linked by guarantees (A's loan guaranteed by B, who is
// a borrower too). Connected groups (undirected) and mutual-guarantee cycles (directed strongly
// connected components of ≥ 2 borrowers: A guarantees B and B guarantees A, or A→B→C→A).

/** One guarantee link: `borrowerId`'s loan is guaranteed by borrower `guarantorBorrowerId`. */
export interface GuaranteeLink {
  readonly borrowerId: number
  readonly guarantorBorrowerId: number
}

/** A connected group of ≥ 2 borrowers, with the cycles inside it. */
export interface GuaranteeGroup {
  /** Borrower ids, ascending. */
  members: number[]
  /** Each mutual-guarantee cycle as its borrower ids, ascending. */
  cycles: number[][]
}

/**
 * Groups and cycles of a guarantee graph. Iterative (no recursion: county-size graphs).
 * guaranteeGroups([{1→2}, {2→1}, {3→2}]) = [{ members: [1,2,3], cycles: [[1,2]] }].
 */
export function guaranteeGroups(links: readonly GuaranteeLink[]): GuaranteeGroup[] {
  const parent = new Map<number, number>()
  const find = (x: number): number => {
    let r = x
    while (parent.get(r)! !== r) r = parent.get(r)!
    while (parent.get(x)! !== r) {
      const n = parent.get(x)!
      parent.set(x, r)
      x = n
    }
    return r
  }
  const out = new Map<number, number[]>()
  for (const l of links) {
    if (l.borrowerId === l.guarantorBorrowerId) continue
    for (const v of [l.borrowerId, l.guarantorBorrowerId]) if (!parent.has(v)) parent.set(v, v)
    const a = find(l.borrowerId),
      b = find(l.guarantorBorrowerId)
    if (a !== b) parent.set(a, b)
    if (!out.has(l.borrowerId)) out.set(l.borrowerId, [])
    out.get(l.borrowerId)!.push(l.guarantorBorrowerId)
  }
  const groups = new Map<number, GuaranteeGroup>()
  for (const v of [...parent.keys()].sort((x, y) => x - y)) {
    const r = find(v)
    if (!groups.has(r)) groups.set(r, { members: [], cycles: [] })
    groups.get(r)!.members.push(v)
  }
  for (const scc of stronglyConnected([...parent.keys()], out)) {
    if (scc.length < 2) continue
    groups.get(find(scc[0]!))!.cycles.push(scc.sort((x, y) => x - y))
  }
  return [...groups.values()].filter((g) => g.members.length >= 2)
}

/** Tarjan's strongly connected components, iterative. */
function stronglyConnected(nodes: number[], out: Map<number, number[]>): number[][] {
  const index = new Map<number, number>(),
    low = new Map<number, number>(),
    onStack = new Set<number>()
  const stack: number[] = [],
    result: number[][] = []
  let next = 0
  for (const root of nodes) {
    if (index.has(root)) continue
    const work: [number, number][] = [[root, 0]]
    index.set(root, next)
    low.set(root, next)
    next++
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const top = work[work.length - 1]!
      const [v, k] = top
      const succ = out.get(v) ?? []
      if (k < succ.length) {
        top[1]++
        const w = succ[k]!
        if (!index.has(w)) {
          index.set(w, next)
          low.set(w, next)
          next++
          stack.push(w)
          onStack.add(w)
          work.push([w, 0])
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
        continue
      }
      work.pop()
      if (work.length > 0) {
        const u = work[work.length - 1]![0]
        low.set(u, Math.min(low.get(u)!, low.get(v)!))
      }
      if (low.get(v) === index.get(v)) {
        const comp: number[] = []
        let w: number
        do {
          w = stack.pop()!
          onStack.delete(w)
          comp.push(w)
        } while (w !== v)
        result.push(comp)
      }
    }
  }
  return result
}
