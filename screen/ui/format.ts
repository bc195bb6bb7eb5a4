// Display helpers for times and dates on the wall, in the forms and in the console. Money and percentages: shared/money.ts (formatYi, formatPercent).
// Times are shown in China time (UTC+8) whatever the kiosk's own zone is set to.

const CHINA_OFFSET_MS = 8 * 3_600_000;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const pad = (n: number) => String(n).padStart(2, '0');

function inChina(at: number | string): Date {
  return new Date((typeof at === 'string' ? Date.parse(at) : at) + CHINA_OFFSET_MS);
}

/** "2020年9月15日" */
export function formatChinaDate(at: number | string): string {
  const d = inChina(at);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** "星期二" */
export function formatWeekday(at: number | string): string {
  return WEEKDAYS[inChina(at).getUTCDay()];
}

/** "10:41:10" */
export function formatTime(at: number | string): string {
  const d = inChina(at);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "10:41" */
export function formatHourMinute(at: number | string): string {
  return formatTime(at).slice(0, 5);
}

/** A ticker line's time: "10:41" today, "9月14日 10:41" on an earlier day. */
export function formatEventTime(at: string, now: number): string {
  const sameDay = formatChinaDate(at) === formatChinaDate(now);
  if (sameDay) return formatHourMinute(at);
  const d = inChina(at);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${formatHourMinute(at)}`;
}

/** "2020-11-20 10:41", for tables and history. */
export function formatDateTime(at: string | null | undefined): string {
  if (!at) return '—';
  const d = inChina(at);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${formatHourMinute(at)}`;
}

/** "2020-10" → "2020年10月" */
export function formatMonth(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** "2020-11-05" → "11月5日" */
export function formatDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** "刚刚", "5分钟前", "3小时前", "2天前": how long ago a kiosk was last seen. */
export function formatAgo(at: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(at)) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes}分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}小时前`;
  return `${Math.floor(minutes / (24 * 60))}天前`;
}
