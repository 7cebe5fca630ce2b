// A schedule's spec as Temporal defines it, in pure functions: structured
// calendars, calendar strings and cron strings (converted to structured
// calendars, as Temporal's server does, so Describe shows the canonical
// form), intervals with phase, exclusions, start/end time, jitter and a time
// zone (IANA names through Intl). `nextTime` gives the first action after a
// time: its nominal time (what the workflow id and TemporalScheduledStartTime
// carry) and its actual time (nominal + jitter, when it fires).
import { durationToMs, msToDuration, timestampToMs } from '../clock';
import type { CalendarSpec, IntervalSpec, Range, ScheduleSpec, StructuredCalendarSpec } from '../wire';

/** A spec Temporal would refuse; the message goes after "Invalid schedule spec: " (the SDK turns that into a TypeError). */
export class SpecError extends Error {}

type Field = 'second' | 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'year' | 'dayOfWeek';

const BOUNDS: Record<Field, [number, number]> = {
  second: [0, 59],
  minute: [0, 59],
  hour: [0, 23],
  dayOfMonth: [1, 31],
  month: [1, 12],
  year: [1970, 2999],
  dayOfWeek: [0, 7],
};

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// ------------------------------------------------------------ cron strings

function parseValue(field: Field, text: string): number {
  const lower = text.toLowerCase();
  if (field === 'month') {
    const i = MONTH_NAMES.indexOf(lower.slice(0, 3));
    if (i >= 0 && /^[a-z]+$/.test(lower)) return i + 1;
  }
  if (field === 'dayOfWeek') {
    const i = DAY_NAMES.indexOf(lower.slice(0, 3));
    if (i >= 0 && /^[a-z]+$/.test(lower)) return i;
  }
  if (!/^\d+$/.test(text)) throw new SpecError(`invalid ${field} value "${text}"`);
  const value = Number(text);
  const [min, max] = BOUNDS[field];
  if (value < min || value > max) throw new SpecError(`${field} value ${value} is out of range ${min}-${max}`);
  return value;
}

/** One field of a cron or calendar string ("*", "1,5", "1-5", "*\/15", "mon-fri", "3/2") as ranges. */
export function parseCronField(field: Field, text: string): Range[] {
  const [min, max] = BOUNDS[field];
  const ranges: Range[] = [];
  for (const part of text.split(',')) {
    const [spanText = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new SpecError(`invalid step in ${field} "${part}"`);
    if (spanText === '*' || spanText === '?') {
      if (field === 'year' && step === 1) return [];
      ranges.push({ start: min, end: field === 'dayOfWeek' ? 6 : max, step });
      continue;
    }
    const dash = spanText.indexOf('-');
    if (dash > 0) {
      ranges.push({ start: parseValue(field, spanText.slice(0, dash)), end: parseValue(field, spanText.slice(dash + 1)), step });
    } else {
      const start = parseValue(field, spanText);
      ranges.push({ start, end: stepText === undefined ? start : max, step });
    }
  }
  return ranges;
}

const PREDEFINED: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Go-style durations as Temporal's cron strings use them: "1h30m", "90s", "500ms". */
function parseGoDuration(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  let total = 0;
  let rest = text;
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)/.exec(rest);
    if (!m) throw new SpecError(`invalid duration "${text}"`);
    total += Number(m[1]) * units[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  if (!(total > 0)) throw new SpecError(`invalid duration "${text}"`);
  return Math.round(total);
}

export interface ParsedCron {
  calendar?: StructuredCalendarSpec;
  interval?: IntervalSpec;
  timezone?: string;
}

/**
 * A cron string as Temporal's server reads it: optional `CRON_TZ=`/`TZ=`
 * prefix, `@every <duration>[/<phase>]`, the predefined `@daily`…, or 5
 * (minute hour day-of-month month day-of-week), 6 (+ year) or 7 (second
 * first, + year) fields; a `#` starts a comment.
 */
export function parseCronString(input: string): ParsedCron {
  let text = input.trim();
  const hash = text.indexOf('#');
  const comment = hash >= 0 ? text.slice(hash + 1).trim() : undefined;
  if (hash >= 0) text = text.slice(0, hash).trim();
  let timezone: string | undefined;
  const tz = /^(?:CRON_TZ|TZ)=(\S+)\s+/.exec(text);
  if (tz) {
    timezone = tz[1];
    text = text.slice(tz[0].length);
  }
  if (text.startsWith('@every')) {
    const [every = '', phase] = text.slice('@every'.length).trim().split('/');
    return { interval: { interval: msToDuration(parseGoDuration(every)), phase: phase ? msToDuration(parseGoDuration(phase)) : undefined }, timezone };
  }
  text = PREDEFINED[text.toLowerCase()] ?? text;
  const fields = text.split(/\s+/).filter(Boolean);
  let second = '0';
  let year = '*';
  let minute: string, hour: string, dayOfMonth: string, month: string, dayOfWeek: string;
  if (fields.length === 5) [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  else if (fields.length === 6) [minute, hour, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string];
  else if (fields.length === 7) {
    [second, minute, hour, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string, string];
  } else throw new SpecError(`cron string "${input}" must have 5, 6 or 7 fields`);
  return {
    calendar: {
      second: parseCronField('second', second),
      minute: parseCronField('minute', minute),
      hour: parseCronField('hour', hour),
      dayOfMonth: parseCronField('dayOfMonth', dayOfMonth),
      month: parseCronField('month', month),
      year: parseCronField('year', year),
      dayOfWeek: parseCronField('dayOfWeek', dayOfWeek),
      comment,
    },
    timezone,
  };
}

/** A calendar given as strings (CalendarSpec) in the structured form; unset fields default as Temporal does. */
function structureCalendar(c: CalendarSpec): StructuredCalendarSpec {
  return {
    second: parseCronField('second', c.second || '0'),
    minute: parseCronField('minute', c.minute || '0'),
    hour: parseCronField('hour', c.hour || '0'),
    dayOfMonth: parseCronField('dayOfMonth', c.dayOfMonth || '*'),
    month: parseCronField('month', c.month || '*'),
    year: parseCronField('year', c.year || '*'),
    dayOfWeek: parseCronField('dayOfWeek', c.dayOfWeek || '*'),
    comment: c.comment || undefined,
  };
}

/** The spec as Temporal's Describe shows it: cron strings and calendar strings turned into structured calendars. */
export function canonicalSpec(spec: ScheduleSpec): ScheduleSpec {
  const structuredCalendar = [...(spec.structuredCalendar ?? [])];
  const interval = [...(spec.interval ?? [])];
  let timezoneName = spec.timezoneName || undefined;
  for (const cron of spec.cronString ?? []) {
    const parsed = parseCronString(cron);
    if (parsed.calendar) structuredCalendar.push(parsed.calendar);
    if (parsed.interval) interval.push(parsed.interval);
    if (parsed.timezone) {
      if (timezoneName && timezoneName !== parsed.timezone) throw new SpecError('cron strings name different time zones');
      timezoneName = parsed.timezone;
    }
  }
  for (const c of spec.calendar ?? []) structuredCalendar.push(structureCalendar(c));
  const excludeStructuredCalendar = [...(spec.excludeStructuredCalendar ?? []), ...(spec.excludeCalendar ?? []).map(structureCalendar)];
  return {
    structuredCalendar: structuredCalendar.length ? structuredCalendar : undefined,
    interval: interval.length ? interval : undefined,
    excludeStructuredCalendar: excludeStructuredCalendar.length ? excludeStructuredCalendar : undefined,
    startTime: spec.startTime,
    endTime: spec.endTime,
    jitter: spec.jitter,
    timezoneName,
  };
}

// --------------------------------------------------------------- matching

interface CompiledCalendar {
  second: number[];
  minute: number[];
  hour: number[];
  dayOfMonth: number[];
  month: number[];
  /** undefined: every year */
  years: Set<number> | undefined;
  dayOfWeek: Set<number>;
}

function expand(field: Field, ranges: Range[] | undefined, empty: 'zero' | 'all'): number[] {
  const [min, max] = BOUNDS[field];
  if (!ranges || ranges.length === 0) {
    if (empty === 'zero') return [0];
    const all: number[] = [];
    for (let v = min; v <= (field === 'dayOfWeek' ? 6 : max); v++) all.push(v);
    return all;
  }
  const values = new Set<number>();
  for (const r of ranges) {
    const start = r.start ?? 0;
    const end = r.end !== undefined && r.end >= start ? r.end : start;
    const step = r.step && r.step > 0 ? r.step : 1;
    if (start < min || end > max) throw new SpecError(`${field} range ${start}-${end} is out of range ${min}-${max}`);
    for (let v = start; v <= end; v += step) values.add(field === 'dayOfWeek' ? v % 7 : v);
  }
  return [...values].sort((a, b) => a - b);
}

function compileCalendar(c: StructuredCalendarSpec): CompiledCalendar {
  return {
    second: expand('second', c.second, 'zero'),
    minute: expand('minute', c.minute, 'zero'),
    hour: expand('hour', c.hour, 'zero'),
    dayOfMonth: expand('dayOfMonth', c.dayOfMonth, 'all'),
    month: expand('month', c.month, 'all'),
    years: c.year && c.year.length > 0 ? new Set(expand('year', c.year, 'all')) : undefined,
    dayOfWeek: new Set(expand('dayOfWeek', c.dayOfWeek, 'all')),
  };
}

/** Local wall-clock time: year, month (1-12), day, hour, minute, second. */
type Local = [number, number, number, number, number, number];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new SpecError(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

function toLocal(ms: number, timeZone: string | undefined): Local {
  if (!timeZone) {
    const d = new Date(ms);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  }
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return [parts.year!, parts.month!, parts.day!, parts.hour! % 24, parts.minute!, parts.second!];
}

/** UTC ms of a local wall-clock time (in a DST gap, the instant the clock jumps past it). */
function fromLocal(l: Local, timeZone: string | undefined): number {
  const asUtc = Date.UTC(l[0], l[1] - 1, l[2], l[3], l[4], l[5]);
  if (!timeZone) return asUtc;
  const offsetAt = (ms: number) => {
    const back = toLocal(ms, timeZone);
    return Date.UTC(back[0], back[1] - 1, back[2], back[3], back[4], back[5]) - Math.floor(ms / 1000) * 1000;
  };
  const guess = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(guess);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const YEARS_SEARCHED = 100;

/** The first local time strictly after `from` that the calendar matches, or undefined within the next 100 years. */
function nextLocal(c: CompiledCalendar, from: Local): Local | undefined {
  const [fy, fmo, fd, fh, fmi, fs] = from;
  for (let y = fy; y <= fy + YEARS_SEARCHED; y++) {
    if (c.years && !c.years.has(y)) continue;
    for (const mo of c.month) {
      if (y === fy && mo < fmo) continue;
      const sameMonth = y === fy && mo === fmo;
      const days = daysIn(y, mo);
      for (const d of c.dayOfMonth) {
        if (d > days) break;
        if (sameMonth && d < fd) continue;
        if (!c.dayOfWeek.has(new Date(Date.UTC(y, mo - 1, d)).getUTCDay())) continue;
        const sameDay = sameMonth && d === fd;
        for (const h of c.hour) {
          if (sameDay && h < fh) continue;
          const sameHour = sameDay && h === fh;
          for (const mi of c.minute) {
            if (sameHour && mi < fmi) continue;
            const sameMinute = sameHour && mi === fmi;
            for (const s of c.second) {
              if (sameMinute && s <= fs) continue;
              return [y, mo, d, h, mi, s];
            }
          }
        }
      }
    }
  }
  return undefined;
}

function matchesCalendar(c: CompiledCalendar, l: Local): boolean {
  return (
    (!c.years || c.years.has(l[0])) &&
    c.month.includes(l[1]) &&
    c.dayOfMonth.includes(l[2]) &&
    c.dayOfWeek.has(new Date(Date.UTC(l[0], l[1] - 1, l[2])).getUTCDay()) &&
    c.hour.includes(l[3]) &&
    c.minute.includes(l[4]) &&
    c.second.includes(l[5])
  );
}

export interface ActionTime {
  /** The time the spec names. */
  nominal: number;
  /** When the action happens: nominal + jitter. */
  actual: number;
}

/** A spec ready to answer "what is the next action after t". */
export class CompiledSpec {
  private readonly calendars: CompiledCalendar[];
  private readonly excluded: CompiledCalendar[];
  private readonly intervals: Array<{ every: number; phase: number }>;
  private readonly timeZone: string | undefined;
  private readonly startTime: number | undefined;
  private readonly endTime: number | undefined;
  private readonly jitterMs: number;

  constructor(
    spec: ScheduleSpec,
    /** Seeds the jitter: the same schedule and time always get the same delay. */
    private readonly jitterSeed: string,
  ) {
    const canonical = canonicalSpec(spec);
    this.timeZone = canonical.timezoneName && canonical.timezoneName !== 'UTC' ? canonical.timezoneName : undefined;
    if (this.timeZone) formatter(this.timeZone);
    this.calendars = (canonical.structuredCalendar ?? []).map(compileCalendar);
    this.excluded = (canonical.excludeStructuredCalendar ?? []).map(compileCalendar);
    this.intervals = (canonical.interval ?? []).map((i) => {
      const every = durationToMs(i.interval);
      if (!(every > 0)) throw new SpecError('interval must be positive');
      const phase = durationToMs(i.phase);
      if (phase < 0 || phase >= every) throw new SpecError('phase must be less than the interval');
      return { every, phase };
    });
    this.startTime = canonical.startTime ? timestampToMs(canonical.startTime) : undefined;
    this.endTime = canonical.endTime ? timestampToMs(canonical.endTime) : undefined;
    this.jitterMs = durationToMs(canonical.jitter);
  }

  get empty(): boolean {
    return this.calendars.length === 0 && this.intervals.length === 0;
  }

  /** The first nominal time strictly after `after`, or undefined when the spec has no more. */
  nextNominal(after: number): number | undefined {
    let t = after;
    if (this.startTime !== undefined && t < this.startTime - 1) t = this.startTime - 1;
    // Excluded times are stepped over; a spec that excludes everything gives up after a bounded search.
    for (let guard = 0; guard < 10_000; guard++) {
      let best: number | undefined;
      for (const { every, phase } of this.intervals) {
        const n = phase + (Math.floor((t - phase) / every) + 1) * every;
        if (best === undefined || n < best) best = n;
      }
      if (this.calendars.length > 0) {
        const local = toLocal(t, this.timeZone);
        for (const c of this.calendars) {
          let from = local;
          // A local time can map at or before t around a DST change; look further.
          for (let i = 0; i < 4; i++) {
            const next = nextLocal(c, from);
            if (!next) break;
            const utc = fromLocal(next, this.timeZone);
            if (utc > t) {
              if (best === undefined || utc < best) best = utc;
              break;
            }
            from = next;
          }
        }
      }
      if (best === undefined) return undefined;
      if (this.endTime !== undefined && best > this.endTime) return undefined;
      if (this.excluded.length > 0) {
        const local = toLocal(best, this.timeZone);
        if (this.excluded.some((c) => matchesCalendar(c, local))) {
          t = best;
          continue;
        }
      }
      return best;
    }
    return undefined;
  }

  /** The next action strictly after `after` (nominal time after it), with its jitter. */
  next(after: number): ActionTime | undefined {
    const nominal = this.nextNominal(after);
    if (nominal === undefined) return undefined;
    return { nominal, actual: nominal + this.jitterFor(nominal) };
  }

  private jitterFor(nominal: number): number {
    if (this.jitterMs <= 0) return 0;
    // Never so much that an action passes the following one.
    const following = this.nextNominal(nominal);
    const limit = following === undefined ? this.jitterMs : Math.min(this.jitterMs, following - nominal - 1);
    if (limit <= 0) return 0;
    return fnv1a(`${this.jitterSeed}\u0000${nominal}`) % limit;
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
