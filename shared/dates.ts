// Calendar helpers on plain strings: months are "YYYY-MM", dates "YYYY-MM-DD". No clock reads here.

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Dates the product accepts: from the People's Republic's founding to the end of the century. */
export const MIN_DATE_YEAR = 1949;
export const MAX_DATE_YEAR = 2100;

/** A real calendar day written YYYY-MM-DD, within MIN_DATE_YEAR–MAX_DATE_YEAR. */
export function isValidDate(s: string): boolean {
  return dateProblem(s) === null;
}

/** What is wrong with a date: not a real YYYY-MM-DD day ('format'), outside MIN_DATE_YEAR–MAX_DATE_YEAR ('range'), or null. */
export function dateProblem(s: unknown): 'format' | 'range' | null {
  if (typeof s !== 'string' || !DATE_RE.test(s)) return 'format';
  const year = Number(s.slice(0, 4));
  // Year 0 and the like are refused as out of range before Date sees them.
  if (year < MIN_DATE_YEAR || year > MAX_DATE_YEAR) return 'range';
  return new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s ? null : 'format';
}

/** The Chinese message for a date field's problem. */
export function dateMessage(label: string, problem: 'format' | 'range'): string {
  return problem === 'range' ? `${label}须在${MIN_DATE_YEAR}年至${MAX_DATE_YEAR}年之间` : `${label}须为有效日期（YYYY-MM-DD）`;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function yearOf(monthOrDate: string): number {
  return Number(monthOrDate.slice(0, 4));
}

export function monthIndex(month: string): number {
  return Number(month.slice(5, 7));
}

export function addMonths(month: string, n: number): string {
  const total = yearOf(month) * 12 + monthIndex(month) - 1 + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The twelve months of a campaign year, "YYYY-01" … "YYYY-12". */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Date in UTC+8 (China has one time zone) as "YYYY-MM-DD". */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The date in China of a stored instant: an ISO UTC timestamp (…Z) by its text, which the ranking reads
 * for every report of a province; anything else through Date.
 */
export function chinaDateOf(at: string): string {
  if (at.length >= 20 && at.charCodeAt(at.length - 1) === 90 /* Z */ && at.charCodeAt(10) === 84 /* T */) {
    const hour = (at.charCodeAt(11) - 48) * 10 + (at.charCodeAt(12) - 48);
    return hour < 16 ? at.slice(0, 10) : addDays(at.slice(0, 10), 1);
  }
  return chinaDate(new Date(at));
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The month units are reporting on at a given date: reports for month M are due early in M+1,
 * so on any day the month being reported is the previous one.
 */
export function reportingMonth(today: string): string {
  return addMonths(monthOf(today), -1);
}

/**
 * A clock on a fixed date in China (`TODAY`, a demo's date) whose time of day runs with `now`:
 * the wall's clock ticks, while every date the product reads is `day`.
 */
export function dayClock(day: string, now: () => Date = () => new Date()): () => Date {
  const start = Date.parse(`${day}T00:00:00+08:00`);
  return () => {
    const t = now().getTime();
    const ofDay = (((t + 8 * 3_600_000) % 86_400_000) + 86_400_000) % 86_400_000;
    return new Date(start + ofDay);
  };
}
