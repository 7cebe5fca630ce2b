// Display formats of the console: dates in Beijing time, money in 元 from
// integer fen.
const TZ = 'Asia/Shanghai';

const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const dateFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

function parts(fmt: Intl.DateTimeFormat, value: Date): Record<string, string> {
  return Object.fromEntries(fmt.formatToParts(value).map((p) => [p.type, p.value]));
}

/** 2026-11-30 16:45 (北京时间). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  const p = parts(dateTimeFmt, d);
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** 2026-11-30 (北京时间); a bare YYYY-MM-DD is shown as is. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  const p = parts(dateFmt, d);
  return `${p.year}-${p.month}-${p.day}`;
}

// `now` is the platform's time (useSession().now()): the demo clock when it runs, and
// the server's clock rather than a PC's that may be wrong. No default, so none falls back to the browser's.

/** Today in Beijing as YYYY-MM-DD. */
export function beijingToday(now: Date): string {
  return formatDate(now);
}

export function beijingYear(now: Date): number {
  return Number(formatDate(now).slice(0, 4));
}

/** The first and last day of `now`'s year in Beijing, YYYY-MM-DD: a statistics page's default range. */
export function beijingYearDays(now: Date): [string, string] {
  const year = beijingYear(now);
  return [`${year}-01-01`, `${year}-12-31`];
}

const yuanFmt = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** ¥12,345.67 from 1234567 fen (integer arithmetic, no float rounding of fen). */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const rest = abs % 100;
  const text = yuanFmt.format(yuan).replace(/\.00$/, '');
  return `${sign}¥${text}.${String(rest).padStart(2, '0')}`;
}

/** 12345.67 from 1234567 fen, as a spreadsheet's number (no ¥, no separators; integer arithmetic as formatFen). */
export function fenToYuan(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 元 (as typed into a form, up to 2 decimals) → integer fen. */
export function yuanToFen(yuan: number | string | null | undefined): number {
  if (yuan === null || yuan === undefined || yuan === '') return 0;
  const text = typeof yuan === 'number' ? yuan.toFixed(2) : yuan.trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return Math.round(Number(text) * 100);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/**
 * A median duration in hours (one decimal, as the statistics give it), as a
 * person reads it: minutes under an hour (a round concluded on the spot is
 * "不足 6 分钟", not "0.0 小时", which reads as missing data), hours up to
 * two days, then days.
 */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 0.1) return '不足 6 分钟';
  if (hours < 1) return `${Math.round(hours * 60)} 分钟`;
  return hours >= 48 ? `${(hours / 24).toFixed(1)} 天` : `${hours.toFixed(1)} 小时`;
}
