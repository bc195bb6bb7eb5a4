// The ledger's columns: a few shown by default so the table fits a 1366×768 screen, the rest by choice.
// The choice is kept in the browser (localStorage), per console user's machine.

export type LedgerColumn = 'code' | 'domain' | 'unit' | 'stage' | 'levels' | 'totalInvestment' | 'annualPlan' | 'completed' | 'rate' | 'alerts' | 'leader' | 'chargeLeader';

/** Every optional column in table order, with its header. 项目名称 is always shown. */
export const LEDGER_COLUMNS: readonly { key: LedgerColumn; label: string }[] = [
  { key: 'code', label: '编码' },
  { key: 'domain', label: '领域' },
  { key: 'unit', label: '责任单位' },
  { key: 'stage', label: '阶段' },
  { key: 'levels', label: '级别' },
  { key: 'totalInvestment', label: '总投资' },
  { key: 'annualPlan', label: '年度计划' },
  { key: 'completed', label: '本年完成' },
  { key: 'rate', label: '完成率 / 序时' },
  { key: 'alerts', label: '滞后预警' },
  { key: 'leader', label: '挂点领导' },
  { key: 'chargeLeader', label: '包干领导' },
];

export const DEFAULT_COLUMNS: readonly LedgerColumn[] = ['unit', 'stage', 'annualPlan', 'completed', 'rate', 'alerts', 'leader'];

const STORAGE_KEY = 'console.ledger.columns';
const KNOWN = new Set<string>(LEDGER_COLUMNS.map((c) => c.key));

/** The saved choice, or the default when none (or an unreadable one) is saved. */
export function parseColumns(saved: string | null): LedgerColumn[] {
  if (!saved) return [...DEFAULT_COLUMNS];
  try {
    const keys: unknown = JSON.parse(saved);
    if (!Array.isArray(keys)) return [...DEFAULT_COLUMNS];
    return LEDGER_COLUMNS.map((c) => c.key).filter((k) => keys.includes(k) && KNOWN.has(k));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}

export function loadColumns(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): LedgerColumn[] {
  return parseColumns(storage?.getItem(STORAGE_KEY) ?? null);
}

export function saveColumns(columns: readonly LedgerColumn[], storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  storage?.setItem(STORAGE_KEY, JSON.stringify(columns));
}
