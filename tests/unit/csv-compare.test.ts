import { describe, expect, it } from 'vitest'
import { COMPARED } from '../../src/main/db/repos/import'
import { chooser, changeList, differingColumns } from '../../src/main/services/csv/import/compare'
import { MAX_LISTED_CHANGES, MAX_LISTED_FIELDS } from '../../src/shared/csv'
import { REP_FIELDS, SESSION_FIELDS, WEIGHT_FIELDS } from '../../src/shared/records'
import { group, rep } from '../helpers/training'

const at = () => ({ file: 'f.csv', line: 2, date: '2026-03-01', summary: 'x', summaryMsg: { key: 'csvSumWeightBare' } })

describe('comparing a record of a file with the one in Sprintlog', () => {
  it('compares the input columns only, in table order, named as in the CSV files', () => {
    expect(COMPARED.weights).toEqual(['date', 'kg', 'note'])
    // Computed columns and timestamps are left out; the protocol is compared by its UUID.
    expect(COMPARED.sessions).toEqual(['date', 'startTime', 'plan', 'warmupSeconds', 'cooldownSeconds', 'rpe', 'couldNotRecover', 'notes', 'protocolUuid'])
    expect(COMPARED.reps).toEqual(Object.keys(REP_FIELDS).filter((k) => REP_FIELDS[k as keyof typeof REP_FIELDS].source === 'input'))
    const w = { date: '2026-03-01', kg: 72.4, note: '', createdAt: 'a', updatedAt: 'b' }
    expect(differingColumns(WEIGHT_FIELDS, COMPARED.weights, w, { ...w, updatedAt: 'c', createdAt: 'd' })).toEqual([])
    expect(differingColumns(WEIGHT_FIELDS, COMPARED.weights, w, { ...w, kg: 72.5, note: 'n' })).toEqual(['weight_kg', 'note'])
    expect(differingColumns(REP_FIELDS, COMPARED.reps, rep(), rep({ hill: true, heartRate: 150 }))).toEqual(['rep_hill', 'rep_heart_rate_bpm'])
    // Fields added to the rep table are compared with no change to the comparison (weighted runs, treadmill speed).
    expect(differingColumns(REP_FIELDS, COMPARED.reps, rep(), rep({ loadKg: 10, loadKind: 'vest', treadmillKmh: 18 }))).toEqual(['rep_load_kg', 'rep_load_kind', 'rep_treadmill_kmh'])
  })

  it('takes absent and null, false and 0, and plans with their keys in another order, for the same', () => {
    const plan = [group()]
    const reordered = plan.map((g) => Object.fromEntries(Object.entries(g).reverse()))
    const s = { date: '2026-03-01', startTime: null, plan, warmupSeconds: 600, cooldownSeconds: 300, rpe: null, couldNotRecover: false, notes: '', protocolUuid: null }
    expect(differingColumns(SESSION_FIELDS, COMPARED.sessions, s, { ...s, plan: reordered, startTime: undefined, couldNotRecover: 0 })).toEqual([])
    expect(differingColumns(SESSION_FIELDS, COMPARED.sessions, s, { ...s, plan: [group({ count: 5 })], couldNotRecover: 1 })).toEqual(['plan', 'could_not_recover'])
  })

  it('lists the first records with their first columns, and counts the rest', () => {
    const list = changeList()
    for (let i = 0; i < MAX_LISTED_CHANGES + 5; i++) list.differs('weights', `w${i}`, at, ['weight_kg'])
    list.differs('sessions', 'late', at, ['rpe'])
    list.deleted('sessions', 'gone', at)
    const columns = Array.from({ length: MAX_LISTED_FIELDS + 3 }, (_, i) => `rep ${i + 1}: rep_rpe`)
    const listed = list.list()
    expect(listed.filter((r) => r.state === 'differs')).toHaveLength(MAX_LISTED_CHANGES)
    expect(listed.some((r) => r.uuid === 'late')).toBe(false)
    expect(listed.find((r) => r.uuid === 'gone')).toMatchObject({ state: 'deleted', fields: [] })
    list.differs('weights', 'w0', at, columns)
    expect(list.list()[0]).toMatchObject({ uuid: 'w0', moreFields: 4 })
    expect(list.list()[0]?.fields).toHaveLength(MAX_LISTED_FIELDS)
  })

  it('applies a choice for all, but for the records listed as exceptions', () => {
    const keep = chooser({ differs: { all: 'keep', except: ['a'] }, restore: { all: true, except: ['b'] } })
    expect([keep('differs', 'a'), keep('differs', 'z'), keep('deleted', 'b'), keep('deleted', 'z')]).toEqual([true, false, false, true])
    const take = chooser({ differs: { all: 'file', except: ['a'] }, restore: { all: false, except: [] } })
    expect([take('differs', 'a'), take('differs', 'z'), take('deleted', 'z')]).toEqual([false, true, false])
  })
})
